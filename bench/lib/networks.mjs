// The network conditions the bench measures under, each named once: Lighthouse's DevTools throttling
// presets (latency in ms, throughput in Kbps), and no throttling at all on loopback.
export const NETWORKS = {
  loopback: { name: 'loopback', conditions: undefined },
  desktop: { name: 'desktop', conditions: { latency: 40, down: 10240, up: 10240 } },
  slow4g: { name: 'slow 4G', conditions: { latency: 562.5, down: 1474.56, up: 675 } },
};

/** "slow 4G (562.5 ms RTT, 1.47 Mbps)": the label says the figures the preset holds. */
export function networkLabel(network) {
  const { name, conditions: c } = network;
  if (!c) return `${name}, no throttling`;
  return `${name} (${c.latency} ms RTT, ${+(c.down / 1024).toFixed(2)} Mbps)`;
}

/** Opens a page in `context` with the network throttled as `network` says. */
export async function openPage(context, network) {
  const page = await context.newPage();
  const c = network.conditions;
  if (c) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: c.latency,
      downloadThroughput: (c.down * 1024) / 8,
      uploadThroughput: (c.up * 1024) / 8,
    });
  }
  return page;
}
