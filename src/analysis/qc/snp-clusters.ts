/**
 * QC rule C: clusters of private substitutions (alignment.md §13). A cluster is recorded whenever
 * more than `clusterCutOff` substitutions fall inside one `windowSize` window; overlapping windows
 * merge into one cluster.
 */
import { qcStatus, type QcConfig } from './config.js';

export interface SnpCluster {
  start: number;
  end: number;
  numberOfSNPs: number;
}

export function findSnpClusters(positions: number[], windowSize: number, clusterCutOff: number): SnpCluster[] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const clusters: SnpCluster[] = [];
  let windowStart = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[windowStart] >= windowSize) windowStart++;
    if (i - windowStart + 1 <= clusterCutOff) continue;
    const last = clusters[clusters.length - 1];
    if (last && sorted[windowStart] <= last.end) {
      last.end = sorted[i];
    } else {
      clusters.push({ start: sorted[windowStart], end: sorted[i], numberOfSNPs: 0 });
    }
  }
  for (const cluster of clusters) {
    cluster.numberOfSNPs = sorted.filter((p) => p >= cluster.start && p <= cluster.end).length;
  }
  return clusters;
}

export function snpClustersRule(config: NonNullable<QcConfig['snpClusters']>, privateSubstitutionPositions: number[]) {
  const clusteredSNPs = findSnpClusters(privateSubstitutionPositions, config.windowSize, config.clusterCutOff);
  const totalSNPs = clusteredSNPs.reduce((sum, c) => sum + c.numberOfSNPs, 0);
  const score = clusteredSNPs.length * config.scoreWeight;
  return { clusteredSNPs, totalSNPs, score, status: qcStatus(score) };
}
