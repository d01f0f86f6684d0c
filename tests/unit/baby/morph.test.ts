import { describe, expect, it } from 'vitest';
import { blendMeshes, infantTransform, procrustesAlign, regionWeights } from '../../../native/baby/morph';
import { normalisedMesh, dist, type Vec2 } from '../../../native/baby/frame';
import { LM } from '../../../native/baby/landmarks';
import { syntheticPoints } from './synthetic-face';

describe('child mesh', () => {
  it('Procrustes undoes a similarity transform exactly', () => {
    const a: Vec2[] = [[0, 0], [1, 0], [0, 2], [3, 1]];
    const c = Math.cos(0.7) * 1.8, s = Math.sin(0.7) * 1.8;
    const b: Vec2[] = a.map(([x, y]) => [c * x - s * y + 5, s * x + c * y - 2]);
    const back = procrustesAlign(b, a);
    back.forEach((p, i) => { expect(p[0]).toBeCloseTo(a[i][0], 9); expect(p[1]).toBeCloseTo(a[i][1], 9); });
  });

  it('region weights sum to one and put the eye corners in the eye region', () => {
    const m = normalisedMesh(syntheticPoints());
    const r = regionWeights(m);
    for (let i = 0; i < 468; i += 17) {
      const sum = r.eyes[i] + r.brows[i] + r.nose[i] + r.lips[i] + r.jaw[i] + r.face[i];
      expect(sum).toBeCloseTo(1, 9);
    }
    expect(r.eyes[LM.rightEyeOuter]).toBeGreaterThan(0.5);
    expect(r.lips[LM.upperLipInner]).toBeGreaterThan(0.5);
    expect(r.nose[LM.noseTip]).toBeGreaterThan(0.4);
  });

  it('a weight of 1 keeps parent A, 0 gives aligned parent B', () => {
    const a = normalisedMesh(syntheticPoints());
    const b = normalisedMesh(syntheticPoints({ k: 1.3 }));
    const onlyA = blendMeshes(a, b, new Float64Array(468).fill(1));
    expect(onlyA[LM.chin][1]).toBeCloseTo(a[LM.chin][1], 9);
    const onlyB = blendMeshes(a, b, new Float64Array(468).fill(0));
    expect(dist(onlyB[LM.faceRight], onlyB[LM.faceLeft])).toBeGreaterThan(dist(a[LM.faceRight], a[LM.faceLeft]));
  });

  it('infant proportions: eyes lower on the head, shorter narrower nose, narrower jaw, larger eyes', () => {
    const adult = normalisedMesh(syntheticPoints());
    const baby = infantTransform(adult, 'newborn');
    const eyeToChin = (m: Vec2[]) => m[LM.chin][1] / (m[LM.chin][1] - m[LM.foreheadTop][1]);
    expect(eyeToChin(baby)).toBeLessThan(eyeToChin(adult)); // more forehead, less lower face
    const noseLen = (m: Vec2[]) => dist(m[LM.noseRoot], m[LM.subnasale]);
    expect(noseLen(baby)).toBeLessThan(noseLen(adult) * 0.85);
    const jaw = (m: Vec2[]) => dist(m[LM.jawRight], m[LM.jawLeft]);
    expect(jaw(baby)).toBeLessThan(jaw(adult));
    const eyeW = (m: Vec2[]) => dist(m[LM.rightEyeOuter], m[LM.rightEyeInner]);
    expect(eyeW(baby)).toBeGreaterThan(eyeW(adult) * 1.05);
    // older children sit between newborn and adult
    const three = infantTransform(adult, '3y');
    expect(noseLen(three)).toBeGreaterThan(noseLen(baby));
    expect(noseLen(three)).toBeLessThan(noseLen(adult));
  });
});
