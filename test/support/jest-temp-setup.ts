import { chmodSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * Jest global setup: the test run gets a temporary folder of its own and every test file, and
 * every command a test starts, uses it as the system temp folder (TMPDIR). The teardown removes
 * it, so `npm test` leaves nothing behind in the system temp folder, even when a test forgets
 * to clean up or is stopped halfway.
 */
export default function setup(): void {
  const root = mkdtempSync(join(tmpdir(), 'pvmo-test-run-'));
  // Like /tmp itself: every user may create entries (a test runs a command as another user), the sticky bit keeps them apart.
  chmodSync(root, 0o1777);
  process.env.PALETTE_VMO_TEST_TMP = root;
  process.env.TMPDIR = root;
  // Commands the tests start are read as plain text, whatever colour the CI terminal forces.
  process.env.FORCE_COLOR = '0';
  process.env.NO_COLOR = '1';
}
