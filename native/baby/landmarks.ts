// Landmark indices of the MediaPipe 468/478-point face topology used to measure traits.
// "right"/"left" are the person's own sides (their right eye appears on the image's left
// in a non-mirrored photo). Iris centres are located by proximity, not by index, because
// the order of the 10 iris points differs between pipelines.

export const LM = {
  rightEyeOuter: 33,
  rightEyeInner: 133,
  rightEyeUpper: 159,
  rightEyeLower: 145,
  leftEyeOuter: 263,
  leftEyeInner: 362,
  leftEyeUpper: 386,
  leftEyeLower: 374,
  rightBrowOuter: 70,
  rightBrowMid: 105,
  rightBrowInner: 107,
  leftBrowOuter: 300,
  leftBrowMid: 334,
  leftBrowInner: 336,
  noseRoot: 168,
  noseTip: 1,
  subnasale: 2,
  noseRightWing: 129,
  noseLeftWing: 358,
  mouthRight: 61,
  mouthLeft: 291,
  upperLipTop: 0,
  upperLipInner: 13,
  lowerLipInner: 14,
  lowerLipBottom: 17,
  foreheadTop: 10,
  foreheadMid: 151,
  chin: 152,
  chinRight: 148,
  chinLeft: 377,
  jawRight: 172,
  jawLeft: 397,
  faceRight: 234,
  faceLeft: 454,
  cheekRight: 50,
  cheekLeft: 280,
} as const;

export const MESH_POINTS = 468;
