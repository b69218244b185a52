import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { GraphClient, HttpTransport } from '../src/graph';
import { startEmulatorProcess } from './emulatorProcess';
import { interleaved, pairedRatio, median } from './stats';

async function main() {
  const emu = await startEmulatorProcess();
  const seeded = await emu.control<{ ids: string[] }>('POST', '/_emulator/seed/sessions', { workload: 'exchange', count: 2000, artifactsPerSession: 10 });
  const ids = seeded.ids;
  const base = emu.url + '/v1.0';
  const url = (id: string) => `${base}/solutions/backupRestore/exchangeRestoreSessions/${id}/mailboxRestoreArtifacts`;
  const agent = new Agent({ connections: 16, keepAliveTimeout: 30000 });
  const headers = { accept: 'application/json', prefer: 'include-unknown-enum-members' };
  const tr = new HttpTransport();
  const tr0 = new HttpTransport({ timeoutMs: 0 });
  const gc = new GraphClient({ baseUrl: base });
  const times = await interleaved({
    undici: async () => { for (const id of ids) { const r = await request(url(id), { dispatcher: agent, headers }); JSON.parse(await r.body.text()); } },
    transport: async () => { for (const id of ids) { const r = await tr.send({ method: 'GET', url: url(id), headers }); JSON.parse(r.body); } },
    transportNoTimeout: async () => { for (const id of ids) { const r = await tr0.send({ method: 'GET', url: url(id), headers }); JSON.parse(r.body); } },
    undiciSameHeaders: async () => { for (const id of ids) { const r = await request(url(id), { dispatcher: agent, headers: { ...headers, 'user-agent': 'm365-restore-sessions/0.0.0-dev', 'client-request-id': randomUUID() } }); JSON.parse(await r.body.text()); } },
    client: async () => { for (const id of ids) await gc.get(url(id)); },
  }, 7, 1);
  for (const k of Object.keys(times) as (keyof typeof times)[]) console.log(k, median(times[k]).toFixed(0), pairedRatio(times[k], times.undici).toFixed(3));
  await emu.stop(); await agent.close(); await tr.close(); await tr0.close(); await gc.close();
}
main();
