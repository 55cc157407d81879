import { FindingLevel } from '../../lib/palette';
import { UbuntuMaasPack } from '../../lib/packs/ubuntu';
import { CAP_001, CAP_002, CAP_003, CAP_004 } from '../../lib/rules';
import { check, handModel, levelOf, model, props } from './fixtures';

describe('CAP-001 control-plane size (informational, reported for every site)', () => {
  test('reports the RA minimum for the RA site (5 workers: 4 cores, 8 GB)', () => {
    const v = check(CAP_001);
    expect(v).toEqual([
      { location: 'nodes.controlPlane', message: '5 workers: give each control-plane node at least 4 CPU cores and 8 GB memory (RA sizing table row: up to 10 workers, 100 namespaces)' },
    ]);
    expect(levelOf(CAP_001, v[0])).toBe(FindingLevel.INFO);
  });

  test('grades by the RA table: 25 -> 4/16, 60 -> 8/32, 250 -> 16/64, 500 -> 32/128', () => {
    const size = (workers: number) => check(CAP_001, props({ nodes: { workers } }))[0].message;
    expect(size(25)).toContain('at least 4 CPU cores and 16 GB memory');
    expect(size(60)).toContain('at least 8 CPU cores and 32 GB memory');
    expect(size(250)).toContain('at least 16 CPU cores and 64 GB memory');
    expect(size(500)).toContain('at least 32 CPU cores and 128 GB memory');
  });

  test('fails as a warning beyond the table', () => {
    const v = check(CAP_001, props({ nodes: { workers: 600 } }));
    expect(v[0].message).toBe('600 workers is beyond the RA sizing table (up to 500): size control-plane nodes above 32 cores and 128 GB memory and validate, or split the cluster');
    expect(levelOf(CAP_001, v[0])).toBe(FindingLevel.WARNING);
  });
});

describe('CAP-002 control-plane count', () => {
  test('passes with 3 (RA) and 5', () => {
    expect(check(CAP_002)).toEqual([]);
    expect(check(CAP_002, props({ nodes: { controlPlane: 5 } }))).toEqual([]);
  });

  test('fails with 1, 2 and 4 control-plane nodes', () => {
    const one = check(CAP_002, props({ nodes: { controlPlane: 1 } }));
    expect(one).toEqual([
      { location: 'nodes.controlPlane', message: '1 control-plane node: etcd needs at least 3 members to survive the loss of one; use an odd number of at least 3 (the RA uses 3)' },
    ]);
    expect(levelOf(CAP_002, one[0])).toBe(FindingLevel.WARNING);
    expect(check(CAP_002, props({ nodes: { controlPlane: 2 } }))[0].message).toContain('2 control-plane nodes: etcd needs at least 3 members');
    expect(check(CAP_002, props({ nodes: { controlPlane: 4 } }))[0].message).toContain('4 control-plane nodes: an even count adds no etcd fault tolerance');
  });
});

describe('CAP-003 VM capacity (informational, reported for every site)', () => {
  test('reports the RA site estimate: 1,862 pods left, ~200 VMs per worker', () => {
    const v = check(CAP_003);
    expect(v).toEqual([
      {
        location: 'nodes',
        message:
          'about 1,000 VMs at most: 8 nodes x 250 pods = 2,000; overhead 8 x 10 + 58 = 138; 1,862 pods left for VMs and workloads, ' +
          'and ~200 VMs per worker x 5 workers = 1,000; CPU and memory per worker decide the real number',
      },
    ]);
    expect(levelOf(CAP_003, v[0])).toBe(FindingLevel.INFO);
  });

  test('matches the RA sizing at 63 active nodes (15,750 pods, 688 overhead, 15,062 left)', () => {
    const v = check(CAP_003, props({ nodes: { controlPlane: 3, workers: 60 } }));
    expect(v[0].message).toContain('63 nodes x 250 pods = 15,750; overhead 63 x 10 + 58 = 688; 15,062 pods left for VMs and workloads');
    expect(v[0].message).toContain('about 12,000 VMs at most');
  });

  test('reports nothing when the sizing inputs do not parse (NET-001 reports them)', () => {
    expect(check(CAP_003, props({ kubernetes: { podCidr: 'x' } }))).toEqual([]);
  });
});

describe('CAP-004 worker CPU reservation', () => {
  /** A site whose OS layer is the Ubuntu pack with this worker tuning, on workers with `workerCpus` CPUs. */
  const handTuned = (cpuCores: string, workerCpus: number) =>
    handModel((s) => [new UbuntuMaasPack(s, 'ubuntu', { managementCidr: '172.16.0.0/22', workerTuning: { cpuCores } })], props({ nodes: { workerCpus } }));

  test('passes for the RA minimum worker (8 cores, seed 002:240): half its CPUs are reserved, 0-3', () => {
    const p = props({ nodes: { workerCpus: 8 } });
    expect(model(p).os?.reservedCpus).toBe('0-3');
    expect(check(CAP_004, p)).toEqual([]);
  });

  test("passes for a site that does not give its CPUs: the RA's recommended worker and cores 0-7", () => {
    expect(model().os?.reservedCpus).toBe('0-7');
    expect(check(CAP_004)).toEqual([]);
  });

  test("passes for the RA's recommended 48-core worker (seed 002:240), which keeps the RA's cores 0-7 (seed 002:873)", () => {
    const p = props({ nodes: { workerCpus: 48 } });
    expect(model(p).os?.reservedCpus).toBe('0-7');
    expect(check(CAP_004, p)).toEqual([]);
  });

  test("fails for the RA's default cores 0-7 (seed 002:873) on its own 8-core minimum worker (seed 002:240)", () => {
    const v = CAP_004.check(handTuned('0-7', 8));
    expect(v).toEqual([
      {
        location: 'nodes.workerCpus',
        message:
          'the OS layer reserves CPUs 0-7: all 8 CPUs of a worker, leaving none for pods and VMs: give nodes.workerCpus the CPU count of the real workers (the reservation follows from it), or reserve fewer CPUs in the OS layer',
      },
    ]);
    expect(levelOf(CAP_004, v[0])).toBe(FindingLevel.ERROR);
  });

  test('fails for a one-CPU worker, whose one CPU the derived reservation takes', () => {
    const v = check(CAP_004, props({ nodes: { workerCpus: 1 } }));
    expect(v.map((x) => x.message)).toEqual([
      'the OS layer reserves CPUs 0: all 1 CPU of a worker, leaving none for pods and VMs: workers need at least 2 CPUs (the RA minimum is 8 cores); give nodes.workerCpus the CPU count of the real workers (the reservation follows from it), or reserve fewer CPUs in the OS layer',
    ]);
  });

  test('fails for reserved CPUs the worker does not have', () => {
    const v = CAP_004.check(handTuned('0-3,14-15', 8));
    expect(v[0].location).toBe('nodes.workerCpus');
    expect(v[0].message).toContain('a worker has 8 CPUs (0-7), so CPU 14-15 does not exist and kubelet cannot reserve it');
  });

  test('fails for a CPU count that is not a whole number of at least 1', () => {
    for (const workerCpus of [0, 2.5]) {
      expect(check(CAP_004, props({ nodes: { workerCpus } }))).toEqual([
        {
          location: 'nodes.workerCpus',
          message: `worker CPU count '${workerCpus}' is not a whole number of at least 1: give the logical CPUs of a worker as nproc counts them (the RA minimum is 8 cores)`,
        },
      ]);
    }
  });

  test('reports nothing without worker tuning', () => {
    expect(CAP_004.check(handModel((s) => [new UbuntuMaasPack(s, 'ubuntu', { managementCidr: '172.16.0.0/22', workerTuning: false })], props({ nodes: { workerCpus: 1 } })))).toEqual([]);
  });
});
