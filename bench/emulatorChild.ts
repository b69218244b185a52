// Child process that hosts the emulator for the benchmarks, so the server's work does not share an event loop
// (or a heap) with the clients being measured. Started with `fork`; sends `{ url, controlToken }` once it listens and stays
// up until the parent disconnects or kills it. Its one argument is the undocumented-options profile: the client
// benchmarks time raw list requests with `$top` / `$orderby`, so they ask for `honour`; the latency benchmark
// runs the default `refuse`, as strict as Graph's documentation.
import { startEmulator } from '../src/emulator';
import { parseUndocumentedOptions } from '../src/emulator/service/queryOptions';

async function main(): Promise<void> {
  const undocumentedOptions = parseUndocumentedOptions(process.argv[2] ?? '');
  if (!undocumentedOptions) throw new Error(`emulatorChild: unknown profile ${process.argv[2]}`);
  const emulator = await startEmulator({ port: 0, seed: 'empty', timeScale: 1, undocumentedOptions });
  process.send?.({ url: emulator.url, controlToken: emulator.controlToken });
  const stop = (): void => {
    void emulator.close().finally(() => process.exit(0));
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
