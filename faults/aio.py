"""An asyncio loop in a background thread, for the harness's own servers (the TCP proxy
and the SMTP sink) while the main thread drives processes and load."""

import asyncio
import threading


class BackgroundLoop:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="faults-loop", daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def start(self) -> "BackgroundLoop":
        self._thread.start()
        return self

    def call(self, coroutine, timeout: float = 30):
        """Run a coroutine on the loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def stop(self) -> None:
        if not self._thread.is_alive():
            return
        self.call(self._cancel_all())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        self.loop.close()

    async def _cancel_all(self) -> None:
        current = asyncio.current_task()
        tasks = [task for task in asyncio.all_tasks() if task is not current]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        # Let the transports aborted by those tasks finish closing before the loop goes.
        await asyncio.sleep(0.1)

    def __enter__(self) -> "BackgroundLoop":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
