/**
 * A progress line on stderr while many files are analysed, only when stderr
 * is a terminal and the run has lasted a second (SHAPE_LENS_PROGRESS_AFTER_MS
 * changes that): `[37/412] src/models/unet.py`, redrawn in place at most ten
 * times a second and erased at the end.
 */

export interface Progress {
  next(file: string): void;
  /** Erases the line (before other output); the next `next` draws it again. */
  pause(): void;
  done(): void;
}

export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < 2) return { next: () => undefined, pause: () => undefined, done: () => undefined };
  const after = Number(process.env.SHAPE_LENS_PROGRESS_AFTER_MS ?? 1000);
  const start = Date.now();
  let count = 0;
  let drawn = 0;
  let shown = false;
  return {
    next(file) {
      count++;
      const now = Date.now();
      if (now - start < after || now - drawn < 100) return;
      drawn = now;
      const width = (stream.columns || 80) - 1;
      const line = `[${count}/${total}] ${file}`;
      stream.write(`\r\x1b[K${line.length > width ? `…${line.slice(line.length - width + 1)}` : line}`);
      shown = true;
    },
    pause() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
    done() {
      this.pause();
    },
  };
}
