import { BackupApi } from '../src/backup/api';
import { workload } from '../src/backup/model';
import { GraphClient } from '../src/graph';
import { clientContender, undiciContender } from './contenders';
import { startEmulatorProcess } from './emulatorProcess';
import { timed } from './stats';

async function main() {
  const emu = await startEmulatorProcess();
  await emu.control('POST', '/_emulator/seed/sessions', { workload: 'exchange', count: 10000, artifactsPerSession: 10 });
  const w = workload('exchange');
  const gc = new GraphClient({ baseUrl: emu.url + '/v1.0' });
  const api = new BackupApi(gc);
  const c = clientContender(api, w);
  const u = undiciContender(emu.url + '/v1.0');
  const path = `/solutions/backupRestore/${w.sessionCollection}?$top=100&$orderby=createdDateTime%20desc`;
  const mode = process.argv[2];
  for (let i = 0; i < 3; i++) console.log(mode, await timed(() => mode === 'u' ? u.list(path) : c.sessions(100)));
  const ids: string[] = [];
  for await (const p of api.sessions.list(w, { top: 999 })) ids.push(...p.items.map((x) => x.id));
  const art = (id: string) => `/solutions/backupRestore/${w.sessionCollection}/${id}/${w.standardArtifacts.nav}`;
  console.log(mode, 'art', await timed(async () => { for (const id of ids.slice(0, 3000)) await (mode === 'u' ? u.list(art(id)) : c.artifacts(id)); }));
  await gc.close(); await u.close(); await emu.stop();
}
main();
