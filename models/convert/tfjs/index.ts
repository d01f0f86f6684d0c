// Public API of the TFJS → ONNX converter.
export { convertTfjsGraph, type TfjsConvertOptions, type TfjsConversion, type TfjsOutputSpec, type ConvertedIo } from './convert';
export { loadTfjsModel, type LoadedTfjsModel } from './load';
export { parseModelJson, type TfjsModelJson, type TfNode } from './model-json';
export { decodeWeights, halfToFloat, type DecodedWeight } from './weights';
export { supportedOps } from './ops/index';
