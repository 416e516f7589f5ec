import { TrendingBoard, type TrendingSources } from '../src/domain/trending-board';

const lists = (ranked: string[]): TrendingSources => ({ ranked, bestSellers: [], newest: [] });

/** A loader whose answers the test controls: each call waits until the test settles it. */
function controlledLoader() {
  const calls: Array<{ category: string | null; previous: TrendingSources | null; settle: (sources: TrendingSources) => void; fail: (error: Error) => void }> = [];
  const load = (category: string | null, previous: TrendingSources | null) =>
    new Promise<TrendingSources>((resolve, reject) => calls.push({ category, previous, settle: resolve, fail: reject }));
  return { calls, load };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('trending board (in-memory trending lists)', () => {
  const options = { refreshMs: 30_000, idleMs: 600_000, maxCategories: 3 };

  it('when a category is first asked for by several requests at once, then one load answers them all and later asks load nothing', async () => {
    // given an empty board
    const loader = controlledLoader();
    const board = new TrendingBoard(loader.load, options, () => 0);

    // when three requests ask at once, and the load completes
    const asked = [board.sources(null), board.sources(null), board.sources(null)];
    loader.calls[0]!.settle(lists(['a', 'b']));
    const answers = await Promise.all(asked);
    const later = await board.sources(null);

    // then one load served every request, and the next ask came from memory
    expect(loader.calls).toHaveLength(1);
    expect(answers.map((answer) => answer.ranked)).toEqual([['a', 'b'], ['a', 'b'], ['a', 'b']]);
    expect(later.ranked).toEqual(['a', 'b']);
  });

  it('when a first load had a source fail with nothing to fall back on, then the next ask loads again instead of serving the gap', async () => {
    // given a board whose first load came back incomplete (the catalog was not up yet)
    const loader = controlledLoader();
    const board = new TrendingBoard(loader.load, options, () => 0);
    const first = board.sources(null);
    loader.calls[0]!.settle({ ranked: [], bestSellers: [], newest: [], incomplete: true });
    await first;

    // when the next request asks, and that load succeeds
    const second = board.sources(null);
    await flush();
    loader.calls[1]!.settle({ ranked: [], bestSellers: [], newest: ['n1', 'n2'] });
    const answer = await second;
    const third = await board.sources(null);

    // then it waited for a new load, and the complete lists are kept from then on
    expect(loader.calls).toHaveLength(2);
    expect(answer.newest).toEqual(['n1', 'n2']);
    expect(third.newest).toEqual(['n1', 'n2']);
  });

  it('when the lists are older than the refresh interval, then a request gets them at once and a reload runs behind it', async () => {
    // given lists loaded at t = 0
    let now = 0;
    const loader = controlledLoader();
    const board = new TrendingBoard(loader.load, options, () => now);
    const first = board.sources('shoes');
    loader.calls[0]!.settle(lists(['old']));
    await first;

    // when a request comes 31 s later
    now = 31_000;
    const stale = await board.sources('shoes');

    // then it is answered with what is held, a reload was started with it, and its result serves the next request
    expect(stale.ranked).toEqual(['old']);
    expect(loader.calls).toHaveLength(2);
    expect(loader.calls[1]!.previous?.ranked).toEqual(['old']);
    loader.calls[1]!.settle(lists(['new']));
    await flush();
    expect((await board.sources('shoes')).ranked).toEqual(['new']);
    expect(loader.calls).toHaveLength(2);
  });

  it('when the periodic refresh runs, then categories asked for lately are reloaded and idle ones forgotten; a failed reload keeps the old lists', async () => {
    // given two categories, one asked for 11 minutes ago and one just now
    let now = 0;
    const loader = controlledLoader();
    const errors: unknown[] = [];
    const board = new TrendingBoard(loader.load, options, () => now, (error) => errors.push(error));
    const idle = board.sources('idle');
    loader.calls[0]!.settle(lists(['i']));
    await idle;
    now = 660_000;
    const busy = board.sources('busy');
    loader.calls[1]!.settle(lists(['b']));
    await busy;

    // when the refresh runs and the reload fails
    const refreshed = board.refreshAll();
    expect(loader.calls.map((call) => call.category)).toEqual(['idle', 'busy', 'busy']);
    loader.calls[2]!.fail(new Error('Cassandra is down'));
    await refreshed;

    // then the idle category is gone, the busy one keeps its lists and the failure was reported
    expect(board.size).toBe(1);
    expect((await board.sources('busy')).ranked).toEqual(['b']);
    expect(errors).toEqual([expect.objectContaining({ message: 'Cassandra is down' })]);
  });

  it('when more categories are asked for than the board keeps, then the least recently asked is dropped', async () => {
    // given a board keeping three categories
    const loads: string[] = [];
    const board = new TrendingBoard(async (category) => {
      loads.push(String(category));
      return lists([]);
    }, options, () => 0);

    // when a, b, c are asked for, then a again, then d (b is now the least recent), then a, c and b
    for (const category of ['a', 'b', 'c', 'a', 'd', 'a', 'c', 'b']) await board.sources(category);

    // then only b had to be loaded again
    expect(loads).toEqual(['a', 'b', 'c', 'd', 'b']);
    expect(board.size).toBe(3);
  });
});
