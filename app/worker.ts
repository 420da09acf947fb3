// One Web Worker of the app: the WASM kernels and the SRO minimizer (serveTasks answers the
// tasks of webWorkerRunner), and the fixed-microstructure diagrams (random, Ogata), which are
// cheap but would otherwise block the page.
import { initKernels, phaseDiagram, serveTasks, type WorkerScope } from 'coulomix';

const scope = self as unknown as WorkerScope & { postMessage(m: unknown): void };
const tasks: WorkerScope = { onmessage: null, postMessage: (m, t) => scope.postMessage(m, t) };
serveTasks(tasks);

scope.onmessage = (event) => {
  const data = event.data as { diagram?: Parameters<typeof phaseDiagram>[0] };
  if (!data.diagram) {
    tasks.onmessage?.(event);
    return;
  }
  (async () => {
    await initKernels();
    const r = await phaseDiagram({ ...data.diagram!, onProgress: (done, total) => scope.postMessage({ progress: [done, total] }) });
    scope.postMessage({ result: r });
  })().catch((err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    scope.postMessage({ error: { name: e.name, message: e.message } });
  });
};
