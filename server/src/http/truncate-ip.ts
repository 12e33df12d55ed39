import { isIPv4, isIPv6 } from 'node:net';

/**
 * An address cut to its network (IPv4 /24, IPv6 /48): enough to tell where requests came from,
 * not enough to single out a household, so the audit log holds no more personal data than needed.
 */
export function truncateIp(ip: string | undefined): string | undefined {
  if (ip === undefined || ip === '') return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const v4 = mapped ?? ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0`;
  if (!isIPv6(ip)) return undefined;
  const [head = ''] = ip.split('::');
  const groups = head === '' ? [] : head.split(':');
  const kept = [...groups, '0', '0', '0'].slice(0, 3).map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
  return `${kept.join(':')}::`;
}
