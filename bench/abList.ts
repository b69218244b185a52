import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { BackupApi } from '../src/backup/api';
import { workload } from '../src/backup/model';
import { GraphClient, HttpTransport } from '../src/graph';
import { clientContender } from './contenders';
import { startEmulatorProcess } from './emulatorProcess';
import { interleaved, median, pairedRatio } from './stats';

async function main() {
  const emu = await startEmulatorProcess();
  await emu.control('POST', '/_emulator/seed/sessions', { workload: 'exchange', count: 10000, artifactsPerSession: 10 });
  const w = workload('exchange');
  const root = emu.url + '/v1.0';
  const gc = new GraphClient({ baseUrl: root });
  const c = clientContender(new BackupApi(gc), w);
  const agent = new Agent({ connections: 16, keepAliveTimeout: 30000 });
  const tr = new HttpTransport();
  const first = `${root}/solutions/backupRestore/${w.sessionCollection}?$top=100&$orderby=createdDateTime%20desc`;
  const loop = async (get: (url: string) => Promise<string>) => { let url: string | undefined = first; while (url) { const b = JSON.parse(await get(url)); url = b['@odata.nextLink']; } };
  const h2 = { accept: 'application/json', prefer: 'include-unknown-enum-members' };
  const t = await interleaved({
    undici: () => loop(async (u) => (await request(u, { dispatcher: agent, headers: h2 })).body.text()),
    undiciClientHeaders: () => loop(async (u) => (await request(u, { dispatcher: agent, headers: { ...h2, 'user-agent': 'm365-restore-sessions/0.0.0-dev', 'client-request-id': randomUUID() } })).body.text()),
    transport: () => loop(async (u) => (await tr.send({ method: 'GET', url: u, headers: h2 })).body),
    client: () => c.sessions(100),
  }, 11, 2);
  for (const k of Object.keys(t) as (keyof typeof t)[]) console.log(k.padEnd(22), median(t[k]).toFixed(1), pairedRatio(t[k], t.undici).toFixed(3));
  await emu.stop(); await agent.close(); await tr.close(); await gc.close();
}
main();
