import { CsiNodePart, UbuntuMaasPack } from '../../lib/packs';
import { PaletteApp, PaletteSite } from '../../lib/palette';
import { renderLayer, validationError } from '../helpers';

describe('CsiNodePart', () => {
  test('installs packages in the one apt line, enables services and loads modules now and at boot', () => {
    const os = new UbuntuMaasPack(new PaletteSite(new PaletteApp({ outdir: '/nonexistent' }), 't'), 'os', {
      managementCidr: '172.16.0.0/22',
      extraParts: [new CsiNodePart({ packages: ['open-iscsi'], services: ['iscsid'], kernelModules: ['iscsi_tcp'] })],
    });
    const { kubeadmconfig } = renderLayer(os).values;
    const apt = kubeadmconfig.preKubeadmCommands.filter((c: string) => c.startsWith('apt-get'));
    expect(apt).toHaveLength(1);
    expect(apt[0]).toMatch(/ open-iscsi$/);
    expect(kubeadmconfig.preKubeadmCommands).toEqual(expect.arrayContaining(['systemctl enable --now iscsid', 'modprobe iscsi_tcp']));
    expect(kubeadmconfig.files.find((f: { targetPath: string }) => f.targetPath === '/etc/modules-load.d/csi.conf').content).toBe('iscsi_tcp\n');
  });

  test('fails on a service or module name that is not one', () => {
    expect(validationError(() => new CsiNodePart({ services: ['iscsid; reboot'] })).message).toBe("service 'iscsid; reboot' of part 'csi-node' is not a systemd unit name: use e.g. 'iscsid'");
    expect(validationError(() => new CsiNodePart({ kernelModules: ['rbd ceph'] })).message).toBe("kernel module 'rbd ceph' of part 'csi-node' is not a module name: use e.g. 'iscsi_tcp'");
  });
});
