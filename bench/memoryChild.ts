// Memory of the explorer's page model with every session of a workload loaded, in a process of its own (started
// with --expose-gc by suite.ts) so nothing else the benchmark holds is counted:
// `node --expose-gc memoryChild.js <versionRoot> <workloadId> <pageSize>` prints {"rssMB", "baselineRssMB",
// "heapUsedMB", "baselineHeapUsedMB", "sessions"} on stdout.
import { BackupApi } from '../src/backup/api';
import type { WorkloadId } from '../src/backup/model';
import { workload } from '../src/backup/model';
import { SessionList } from '../src/extension/tree/sessionList';
import { GraphClient } from '../src/graph';

const MB = 1024 * 1024;

function settle(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) gc?.();
  return process.memoryUsage();
}

async function main(): Promise<void> {
  const [versionRoot, workloadId, pageSize] = process.argv.slice(2);
  const client = new GraphClient({ baseUrl: versionRoot });
  const api = new BackupApi(client);
  const list = new SessionList(workload(workloadId as WorkloadId));
  const before = settle();
  await list.loadFirst(api, { top: Number(pageSize) });
  await list.loadMore(api, true);
  if (list.error) throw list.error;
  const after = settle();
  process.stdout.write(JSON.stringify({
    rssMB: after.rss / MB,
    baselineRssMB: before.rss / MB,
    heapUsedMB: after.heapUsed / MB,
    baselineHeapUsedMB: before.heapUsed / MB,
    sessions: list.sessions.length,
  }) + '\n');
  await client.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
