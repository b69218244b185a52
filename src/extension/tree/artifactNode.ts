// An artifact row: the protection unit it restores (or the item, for granular artifacts), its point in time,
// destination and status, all in words. A unit the service no longer names reads "Deleted user (alias…)",
// never a bare id. A granular mail restore made in this window reads as its query with the match count
// ("Mail from Debra with 'invoice' in the subject", "117 matching items"). Its context flags say whether it can
// be removed (its session's rules decide).
import * as vscode from 'vscode';
import {
  artifactPointInTime, formatDateTime, restoredLocation,
} from '../../backup/presentation';
import type { RestoreArtifactBase } from '../../backup/model';
import { allowedActions } from '../../backup/model';
import { includesNewerItems } from '../../backup/restorePoints';
import { itemName, unitDisplayName, type UnitRef } from '../../backup/sessionNaming';
import { errorText, words } from '../../backup/words';
import { matchCountText } from '../sessions/noteWords';
import type { GranularQueryNote } from '../sessions/sessionNotes';
import type { ArtifactNode } from './nodes';
import { artifactIcon } from './statusStyle';

/** `query`: the search of a granular mail artifact, when this window made it. */
export function artifactItem(node: ArtifactNode, unit: UnitRef | undefined, query?: GranularQueryNote): vscode.TreeItem {
  const { artifact, workload } = node;
  const unitName = unitDisplayName(workload, unit);
  const isItem = node.granular && workload.granularArtifacts.source !== 'search';
  const label = isItem ? itemName(artifact) : query ? vscode.l10n.t('{0} in {1}', query.description, unitName) : unitName;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const pointInTime = formatDateTime(artifactPointInTime(artifact));
  const destination = (artifact as RestoreArtifactBase).destinationType;
  const status = words('artifactStatus', artifact.status);
  item.description = [query ? matchCountText(query.hitCount) : '', status, pointInTime && `@ ${pointInTime}`, destination && (destination === 'inPlace' ? vscode.l10n.t('→ in place') : vscode.l10n.t('→ new location'))]
    .filter(Boolean)
    .join(' · ');
  item.iconPath = artifactIcon(artifact.status);
  item.contextValue = artifactFlags(node);
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**').appendText(label).appendMarkdown('** — ').appendText(status).appendMarkdown('\n\n');
  const location = restoredLocation(workload, artifact);
  const error = (artifact as RestoreArtifactBase).error;
  const rows: [string, string | undefined | null][] = [
    [workload.unitLabel[0].toUpperCase() + workload.unitLabel.slice(1), isItem ? undefined : [unitName, unit?.address].filter(Boolean).join(' — ')],
    [vscode.l10n.t('Search'), query?.expression],
    [vscode.l10n.t('Matching items'), query ? query.hitCount.toLocaleString('en-US') : undefined],
    [vscode.l10n.t('Point in time'), pointInTime && includesNewerItems((artifact as RestoreArtifactBase).restorePoint) ? vscode.l10n.t('{0}, and items created since', pointInTime) : pointInTime],
    [vscode.l10n.t('Destination'), destination ? words('destinationType', destination) : undefined],
    [vscode.l10n.t('Started'), formatDateTime(artifact.startDateTime)],
    [vscode.l10n.t('Completed'), formatDateTime(artifact.completionDateTime)],
    [vscode.l10n.t('Restored to'), [location.name, location.url].filter(Boolean).join(' — ')],
    [vscode.l10n.t('Error'), errorText(error) || undefined],
  ];
  for (const [name, value] of rows) if (value) md.appendText(vscode.l10n.t('{0}: {1}', name, value)).appendMarkdown('  \n');
  item.tooltip = md;
  return item;
}

/** `artifact standard canRemove`: the parent session's rules decide whether Remove Artifact is offered. */
export function artifactFlags(node: ArtifactNode): string {
  const flags = ['artifact', node.granular ? 'granular' : 'standard'];
  if (allowedActions(node.parent.session.status).has('patch')) flags.push('canRemove');
  return flags.join(' ');
}
