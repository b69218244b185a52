// An artifact row: the protection unit it restores (or the item, for granular artifacts), its point in time,
// destination and status. Its context flags say whether it can be removed (its session's rules decide).
import * as vscode from 'vscode';
import {
  artifactPointInTime, artifactStatusWord, formatDateTime, restoredLocation,
} from '../../backup/presentation';
import type { GranularRestoreArtifactBase, RestoreArtifactBase } from '../../backup/model';
import { allowedActions } from '../../backup/model';
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
  item.contextValue = artifactFlags(node);
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

/** `artifact standard canRemove`: the parent session's rules decide whether Remove Artifact is offered. */
export function artifactFlags(node: ArtifactNode): string {
  const flags = ['artifact', node.granular ? 'granular' : 'standard'];
  if (allowedActions(node.parent.session.status).has('patch')) flags.push('canRemove');
  return flags.join(' ');
}

function lastSegment(url: string): string {
  const parts = url.split('/').filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] ?? url);
}
