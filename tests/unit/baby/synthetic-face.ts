// A synthetic frontal face: the landmarks traits use, placed where they sit on an adult
import referenceMeshes from '../../fixtures/face/reference-meshes.json';
// face (pixels, upright, eyes 100 px apart), the rest of the 478 points near the centre.
import type { FaceAnalysis, Point3 } from '../../../native/face/types';
import { LM } from '../../../native/baby/landmarks';

const KEY: Record<number, [number, number]> = {
  [LM.rightEyeOuter]: [-72, 0], [LM.rightEyeInner]: [-28, 0], [LM.rightEyeUpper]: [-50, -9], [LM.rightEyeLower]: [-50, 8],
  [LM.leftEyeOuter]: [72, 0], [LM.leftEyeInner]: [28, 0], [LM.leftEyeUpper]: [50, -9], [LM.leftEyeLower]: [50, 8],
  [LM.rightBrowOuter]: [-85, -25], [LM.rightBrowMid]: [-52, -35], [LM.rightBrowInner]: [-20, -28],
  [LM.leftBrowOuter]: [85, -25], [LM.leftBrowMid]: [52, -35], [LM.leftBrowInner]: [20, -28],
  [LM.noseRoot]: [0, -5], [LM.noseTip]: [0, 60], [LM.subnasale]: [0, 72], [LM.noseRightWing]: [-20, 62], [LM.noseLeftWing]: [20, 62],
  [LM.mouthRight]: [-36, 105], [LM.mouthLeft]: [36, 105], [LM.upperLipTop]: [0, 95], [LM.upperLipInner]: [0, 103],
  [LM.lowerLipInner]: [0, 107], [LM.lowerLipBottom]: [0, 118],
  [LM.foreheadTop]: [0, -95], [LM.foreheadMid]: [0, -60], [LM.chin]: [0, 165], [LM.chinRight]: [-25, 158], [LM.chinLeft]: [25, 158],
  [LM.jawRight]: [-80, 120], [LM.jawLeft]: [80, 120], [LM.faceRight]: [-105, 20], [LM.faceLeft]: [105, 20],
  [LM.cheekRight]: [-60, 45], [LM.cheekLeft]: [60, 45],
  468: [-50, 0], 473: [50, 0],
};

/** Points of the synthetic face, transformed by scale s, rotation r (radians), offset (ox, oy), horizontal stretch k. */
export function syntheticPoints(opts: { s?: number; r?: number; ox?: number; oy?: number; k?: number } = {}): Point3[] {
  const { s = 1, r = 0, ox = 300, oy = 300, k = 1 } = opts;
  const pts: Point3[] = [];
  for (let i = 0; i < 478; i++) {
    const base = KEY[i] ?? [((i * 37) % 120) - 60, ((i * 53) % 160) - 40];
    const x = base[0] * k * s, y = base[1] * s;
    pts.push([ox + x * Math.cos(r) - y * Math.sin(r), oy + x * Math.sin(r) + y * Math.cos(r), 0]);
  }
  return pts;
}

export function syntheticFace(points: Point3[]): FaceAnalysis {
  return {
    box: { x: 180, y: 180, width: 240, height: 300 }, score: 0.99, points,
    pose: { yaw: 0, pitch: 0, roll: 0 }, quality: [], embedding: new Float32Array(4), models: {},
  };
}

/** A real 478-point mesh (the TFJS reference on face-api's sample1), moved so its eye midpoint sits at (ox, oy). */
export function realMeshPoints(opts: { ox?: number; oy?: number; k?: number } = {}): Point3[] {
  const { ox = 300, oy = 300, k = 1 } = opts;
  const mesh = (referenceMeshes as Record<string, { mesh: number[][] }[]>)['face-api/sample1'][0].mesh;
  const cx = (mesh[LM.rightEyeOuter][0] + mesh[LM.leftEyeOuter][0]) / 2;
  const cy = (mesh[LM.rightEyeOuter][1] + mesh[LM.leftEyeOuter][1]) / 2;
  return mesh.map((p) => [ox + (p[0] - cx) * k, oy + (p[1] - cy), p[2]] as Point3);
}
