/** Every `mci` path also answers under `mcis` (the seeds' name for the same object). */
export const both = (path: string): string[] => [path, path.replace(/mci(?=\/|Dynamic|$)/, 'mcis')];
