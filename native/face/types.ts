// What face analysis produces, consumed by the compositor, the baby generator and the store.
// Coordinates are in pixels of the EXIF-rotated photo; z is in the same pixel scale as x
// (MediaPipe convention: smaller z is closer to the camera).

export type Point3 = [x: number, y: number, z: number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Degrees. yaw > 0: the person turns toward the image's left (their own right); pitch > 0: looking up; roll > 0: head tilted clockwise in the image. */
export interface HeadPose {
  yaw: number;
  pitch: number;
  roll: number;
}

export type QualityCode =
  | 'face_too_small'
  | 'blurred'
  | 'too_dark'
  | 'blown_out'
  | 'turned_away'
  | 'eyes_closed'
  | 'face_cropped'
  | 'several_faces'
  | 'occluded';

export interface QualityAdvice {
  code: QualityCode;
  /** A sentence shown to the user: what is wrong and what to do. */
  message: string;
  /** 'blocker' means the face cannot be used for generation. */
  severity: 'warning' | 'blocker';
  /** The measured value that triggered it (e.g. pixels between the eyes), for display and tests. */
  value?: number;
}

export interface FaceAnalysis {
  box: Box;
  /** Detector confidence 0..1. */
  score: number;
  /** 468 mesh points, then 10 iris points (468..472 right iris, 473..477 left iris) when the iris model ran. */
  points: Point3[];
  pose: HeadPose;
  quality: QualityAdvice[];
  /** L2-normalised identity embedding. */
  embedding: Float32Array;
  /** Ids and sha256 of the models that produced this analysis, to know when to re-run. */
  models: Record<string, string>;
}

export interface PhotoAnalysis {
  width: number;
  height: number;
  /** Largest first. */
  faces: FaceAnalysis[];
}
