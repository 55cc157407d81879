import { rmSync } from 'fs';

/** Jest global teardown: removes the run's temporary folder (see jest-temp-setup.ts). */
export default function teardown(): void {
  const root = process.env.PALETTE_VMO_TEST_TMP;
  if (root) rmSync(root, { recursive: true, force: true });
}
