// Reads weight arrays from an NCNN .bin in the order the layers consume them.
// Two kinds of reads exist in NCNN: "tagged" (a 4-byte tag says how the values are
// stored; used for convolution weights) and "raw" (plain float32; biases, PReLU slopes).
import { NcnnParseError } from './param';
import { halfToFloat } from '../common/float16';
export { halfToFloat };

const TAG_FP16 = 0x01306b47;
const TAG_INT8 = 0x000d4b38;
/** NCNN writes this tag before plain float32 data in some converter versions. */
const TAG_FP32 = 0x0002c056;


const align4 = (n: number): number => (n + 3) & ~3;

export class NcnnWeightReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.bytes.byteLength - this.offset;
  }

  private need(n: number, what: string): void {
    if (this.offset + n > this.bytes.byteLength) {
      throw new NcnnParseError(`.bin ends early: ${what} needs ${n} bytes at offset ${this.offset}, file has ${this.bytes.byteLength}`);
    }
  }

  /** Plain little-endian float32 values (NCNN ModelBin type 1). */
  readRaw(count: number, what: string): Float32Array {
    this.need(count * 4, what);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = this.view.getFloat32(this.offset + 4 * i, true);
    this.offset += count * 4;
    return out;
  }

  /** Values preceded by a storage tag (NCNN ModelBin type 0). */
  readTagged(count: number, what: string): Float32Array {
    this.need(4, what);
    const tag = this.view.getUint32(this.offset, true);
    this.offset += 4;
    if (tag === TAG_FP16) {
      this.need(align4(count * 2), what);
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = halfToFloat(this.view.getUint16(this.offset + 2 * i, true));
      this.offset += align4(count * 2);
      return out;
    }
    if (tag === TAG_INT8) throw new NcnnParseError(`${what}: int8-quantized weights are not supported`);
    if (tag === TAG_FP32 || tag === 0) return this.readRaw(count, what);
    // NCNN reads any other tag as a 256-entry float table followed by one uint8 index per value.
    const table = this.readRaw(256, `${what} (quantization table)`);
    this.need(align4(count), what);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = table[this.bytes[this.offset + i]];
    this.offset += align4(count);
    return out;
  }
}
