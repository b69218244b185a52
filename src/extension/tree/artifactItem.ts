import * as vscode from 'vscode';
import {
  artifactPointInTime, artifactStatusWord, formatDateTime, restoredLocation,
} from '../../backup/presentation';
import type { GranularRestoreArtifactBase, RestoreArtifactBase } from '../../backup/model';
import type { ArtifactNode } from './nodes';
import { artifactIcon } from './statusStyle';

export function artifactItem(node: ArtifactNode, unitName: string | undefined): vscode.TreeItem {
  const { artifact, workload } = node;
  const granular = artifact as GranularRestoreArtifactBase;
  const label = node.granular && granular.webUrl ? lastSegment(granular.webUrl) : unitName ?? `${workload.unitLabel} ${artifact.id.slice(0, 8)}`;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const pointInTime = formatDateTime(artifactPointInTime(artifact));
  const destination = (artifact as RestoreArtifactBase).destinationType;
  item.description = [artifactStatusWord(artifact.status), pointInTime && `@ ${pointInTime}`, destination && `→ ${destination === 'inPlace' ? 'in place' : 'new location'}`]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = artifactIcon(artifact.status);
  // The parent session's status decides whether Remove Artifact is offered.
  item.contextValue = `artifact.${node.granular ? 'granular' : 'standard'}.${node.sessionStatus}`;
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${node.granular ? 'Granular artifact' : 'Artifact'}** — `).appendText(artifactStatusWord(artifact.status)).appendMarkdown('\n\n');
  const location = restoredLocation(workload, artifact);
  const error = (artifact as RestoreArtifactBase).error;
  const rows: [string, string | undefined | null][] = [
    ['Id', artifact.id],
    [workload.unitLabel, unitName],
    ['Point in time', pointInTime],
    ['Started', formatDateTime(artifact.startDateTime)],
    ['Completed', formatDateTime(artifact.completionDateTime)],
    ['Restored to', [location.name, location.url].filter(Boolean).join(' — ')],
    ['Error', error ? `${error.code ?? ''}: ${error.message ?? ''}` : undefined],
  ];
  for (const [name, value] of rows) if (value) md.appendText(`${name}: ${value}`).appendMarkdown('  \n');
  item.tooltip = md;
  return item;
}

function lastSegment(url: string): string {
  const parts = url.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] ?? url);
}
