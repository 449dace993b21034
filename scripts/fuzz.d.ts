/** Types for scripts/fuzz.js. */
export interface FuzzFigures {
  seed: number;
  steps: number;
  requests: number;
  crashes: number;
  hangs: number;
  exceptions: number;
  analysisFailures: number;
  staleSamplesSkipped: number;
  errorAnswers: number;
  stale: number;
  disagreements: number;
  samples: number;
  slow: number;
  slowest: { ms: number; step?: number; kind?: string; bytes?: number };
  malformed: { sent: number; exitsAsDesigned: number; failures: number };
  peakRssMb: number;
  seconds: number;
  problems: Array<{ kind: string; step: number; detail: string }>;
}
export function runFuzz(options?: {
  steps?: number;
  seed?: number;
  sample?: number;
  malformedEvery?: number;
  progress?: number;
  maxMinutes?: number;
  bin?: string;
  dump?: string;
  log?: (line: string) => void;
}): Promise<FuzzFigures>;
export function failed(f: FuzzFigures, strict?: boolean): boolean;
