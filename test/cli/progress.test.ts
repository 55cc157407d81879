import { CliIo } from '../../lib/cli/cli-io';
import { Progress } from '../../lib/cli/progress';

function io(interactive: boolean) {
  const lines: string[] = [];
  const status: string[] = [];
  const value: CliIo = { out: () => undefined, err: (l) => lines.push(l), write: () => undefined, status: (l) => status.push(l), env: {}, interactive };
  return { value, lines, status };
}

describe('the progress line', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  test('says nothing during the first second, then one line every five seconds in a CI log', () => {
    const log = io(false);
    const progress = new Progress(log.value);
    progress.site('a', 0, 300);
    jest.setSystemTime(1_000_000 + 1_500);
    progress.site('b', 1, 300);
    jest.setSystemTime(1_000_000 + 3_000);
    progress.site('c', 2, 300);
    jest.setSystemTime(1_000_000 + 6_600);
    progress.site('d', 3, 300);
    expect(log.lines).toEqual(['palette-vmo: checking site 2 of 300 (b), 2 s', 'palette-vmo: checking site 4 of 300 (d), 7 s']);
  });

  test('rewrites one status line on a terminal and clears it when done; --quiet shows nothing', () => {
    const tty = io(true);
    const progress = new Progress(tty.value);
    jest.setSystemTime(1_000_000 + 2_000);
    progress.site('a', 0, 2);
    progress.done();
    expect(tty.status).toEqual(['palette-vmo: checking site 1 of 2 (a), 2 s', '']);
    const quiet = io(true);
    const silent = new Progress(quiet.value, true);
    jest.setSystemTime(1_000_000 + 9_000);
    silent.site('a', 0, 2);
    expect([quiet.status, quiet.lines]).toEqual([[], []]);
  });
});
