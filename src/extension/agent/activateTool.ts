// Tool: activate a draft restore session through the extension's one `activateSession` action, so the person
// sees the same activation confirmation as from the tree, the palette or the details panel; the tool adds no
// confirmation of its own (that would ask twice) and never activates silently.
import { workload as workloadById } from '../../backup/model';
import { activateSession } from '../actions/sessionActions';
import { actionDeps, type CommandContext } from '../commands/context';
import type { SessionRefInput } from './getSession';
import type { AgentTool } from './toolKit';
import { l10n } from '../../backup/l10n';

export function activateTool(ctx: CommandContext): AgentTool<SessionRefInput> {
  return {
    name: 'restoreSessions_activateSession',
    async prepare(input) {
      return { invocationMessage: l10n.t('Asking to activate the {0} restore session', workloadById(input.workload).label) };
    },
    async invoke(input) {
      const workload = workloadById(input.workload);
      const deps = await actionDeps(ctx);
      const read = await deps.hub.load(workload, input.sessionId, 'action');
      if (!read) return `${deps.hub.label} has no ${workload.label} restore session with id ${input.sessionId}; nothing was activated.`;
      const outcome = await activateSession(deps, { workload, session: read.session });
      if (outcome.kind === 'failed') throw outcome.cause;
      if (outcome.kind === 'cancelled') return `Not activated: ${outcome.message} id ${input.sessionId}, workload ${workload.id}`;
      return `Activated. ${outcome.message} id ${input.sessionId}, workload ${workload.id}`;
    },
  };
}
