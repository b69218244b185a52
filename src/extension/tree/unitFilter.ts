// A workload's sessions filtered by a unit ("only the restores of Debra Berger"): every page is loaded and
// every session named (artifacts in `$batch` calls of 20), then only those whose units match by name, UPN /
// e-mail or site URL are listed. The view's description says the filter is on, so an empty workload is never
// mistaken for one without sessions.
import { matchesUnit } from '../../backup/sessionNaming';
import { errorNode } from './messageNode';
import type { Node, WorkloadNode } from './nodes';
import { loadFirstPage, type WorkloadSource } from './workloadNode';
import { l10n } from '../../backup/l10n';

export async function unitFilteredChildren(node: WorkloadNode, source: WorkloadSource, unit: string): Promise<Node[]> {
  const { workload } = node;
  const { list, hub } = source;
  await loadFirstPage(node, source);
  if (list.nextLink && !list.error) {
    await list.loadMore(hub.api, true);
    hub.observe(workload, list.sessions, 'tree');
  }
  if (list.error) {
    const error = list.error;
    list.error = undefined;
    return [errorNode(node, error, { command: 'restoreSessions.refreshWorkload', title: l10n.t('Retry'), arguments: [workload.id] })];
  }
  await hub.nameSessions(workload, list.sessions);
  const shown = list.sessions.filter((s) => matchesUnit(unit, hub.names.unitsOf(workload, s) ?? []));
  if (!shown.length) {
    return [{ kind: 'message', id: `${node.id}/none-unit`, parent: node, label: l10n.t('No {0} restore of “{1}”', workload.label, unit), description: l10n.t('{0} session(s) searched', list.sessions.length), icon: 'filter' }];
  }
  return shown.map((session) => source.sessionNode(node, session));
}
