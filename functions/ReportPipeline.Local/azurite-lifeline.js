'use strict';
// Preloaded into Azurite (node --require) by AzuriteEmulator. Our stdin is a pipe from the process that started us;
// it closes when that process disposes the emulator or dies, however it dies (SIGKILL included). Azurite then stops as
// on SIGTERM, the one stop that saves its databases, and only once: a second shutdown throws inside Azurite mid-save.
let closed = false;

function stop() {
  const interrupt = process.listenerCount('SIGINT');
  const terminate = process.listenerCount('SIGTERM');
  if (interrupt === 0 && terminate === 0) {
    // Still starting: Azurite listens for the signals once its three services are up.
    setTimeout(stop, 100);
  } else if (interrupt > 0 && terminate > 0) {
    process.kill(process.pid, 'SIGTERM');
  }
  // Otherwise a Ctrl+C or SIGTERM has already started the shutdown.
}

function onClosed() {
  if (!closed) {
    closed = true;
    stop();
  }
}

process.stdin.once('end', onClosed).once('error', onClosed);
// An owner that died no longer reads our output: Azurite's "closing" lines would then fail with EPIPE and, unhandled,
// end the process before it has saved anything.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
process.stdin.resume();
// Reading stdin must not keep Azurite alive once its services have closed (a pipe can be unreferenced, a file ends by itself).
process.stdin.unref?.();
