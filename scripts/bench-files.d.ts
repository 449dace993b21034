/** Types for scripts/bench-files.js. */
export function modelFile(n: number): string;
export function sequentialChainFile(n: number): string;
export function manyModelsFile(n: number): string;
export function smallFile(k: number): string;
