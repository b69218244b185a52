// Child process that hosts the emulator for the benchmarks, so the server's work does not share an event loop
// (or a heap) with the clients being measured. Started with `fork`; sends `{ url, controlToken }` once it listens and stays
// up until the parent disconnects or kills it.
import { startEmulator } from '../src/emulator';

async function main(): Promise<void> {
  // The benchmarks time raw list requests with `$top` / `$orderby`, so the emulator honours them.
  const emulator = await startEmulator({ port: 0, seed: 'empty', timeScale: 1, undocumentedOptions: 'honour' });
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
