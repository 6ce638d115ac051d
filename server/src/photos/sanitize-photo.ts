import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';

export const photoLimits = {
  maxUploadBytes: 10 * 1024 * 1024,
  // 48–50 MP phone cameras write up to 8160×6144 (50.1 MP); 64 MP still stops a decompression bomb
  // long before it can take the server's memory.
  maxPixels: 64_000_000,
  maxEdge: 2560,
} as const;

export type PhotoRejection = 'photo_too_large' | 'photo_not_an_image' | 'photo_type_not_allowed';

/** An upload the sanitizer refuses; `reason` is safe to show the uploader. */
export class PhotoRejected extends Error {
  constructor(
    readonly reason: PhotoRejection,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'PhotoRejected';
  }
}

export interface SanitizedPhoto {
  bytes: Uint8Array;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  sha256: string;
}

type AllowedFormat = 'jpeg' | 'png' | 'webp';

const mimeOf = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
} as const satisfies Record<AllowedFormat, SanitizedPhoto['mime']>;

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

function hasBytes(input: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => input[offset + index] === byte);
}

function allowedFormatOf(input: Uint8Array): AllowedFormat | undefined {
  if (hasBytes(input, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (hasBytes(input, [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a])) return 'png';
  if (hasBytes(input, ascii('RIFF')) && hasBytes(input, ascii('WEBP'), 8)) return 'webp';
  return undefined;
}

const isoMediaImageBrands = new Set([
  'avif',
  'avis',
  'heic',
  'heix',
  'heim',
  'heis',
  'mif1',
  'msf1',
]);

/**
 * The common image formats we refuse, recognised only to tell the uploader "wrong kind of image"
 * rather than "not an image"; none of their bytes ever reach a decoder.
 */
const refusedImageFormats: ((head: Buffer) => boolean)[] = [
  (head) => hasBytes(head, ascii('GIF8')),
  // TIFF and BigTIFF in both byte orders, which also covers most camera raw formats.
  (head) => ['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].some((magic) => hasBytes(head, ascii(magic))),
  // "BM" alone would match plain text, so a BMP must also name a known DIB header size.
  (head) =>
    hasBytes(head, ascii('BM')) &&
    head.length >= 18 &&
    [12, 40, 52, 56, 64, 108, 124].includes(head.readUInt32LE(14)),
  (head) => hasBytes(head, [0, 0, 1, 0]) || hasBytes(head, [0, 0, 2, 0]), // ICO, CUR
  (head) => hasBytes(head, ascii('8BPS')), // Photoshop
  // HEIC and AVIF
  (head) =>
    hasBytes(head, ascii('ftyp'), 4) && isoMediaImageBrands.has(head.toString('latin1', 8, 12)),
  // JPEG XL, bare and boxed
  (head) => hasBytes(head, [0xff, 0x0a]) || hasBytes(head, [0, 0, 0, 12, ...ascii('JXL ')]),
  // JPEG 2000, boxed and bare
  (head) =>
    hasBytes(head, [0, 0, 0, 12, ...ascii('jP  ')]) || hasBytes(head, [0xff, 0x4f, 0xff, 0x51]),
  // SVG
  (head) => {
    const text = head.toString('latin1').replace(/^\xEF\xBB\xBF/, ''); // a UTF-8 BOM
    return /^\s*</.test(text) && /<svg[\s>/]/i.test(text);
  },
];

function isRefusedImage(input: Uint8Array): boolean {
  const head = Buffer.from(input.buffer, input.byteOffset, Math.min(input.byteLength, 4096));
  return refusedImageFormats.some((matches) => matches(head));
}

function rejectionFor(cause: unknown): PhotoRejected {
  // The header check below catches this first; this is the backstop should a loader see it differently.
  const tooLarge = cause instanceof Error && /pixel limit/i.test(cause.message);
  return new PhotoRejected(tooLarge ? 'photo_too_large' : 'photo_not_an_image', { cause });
}

/**
 * Turns an untrusted upload into a photo safe to store and show: re-encoded without any metadata
 * (no EXIF with GPS or camera, XMP, IPTC, comments or ICC), upright, sRGB and at most maxEdge wide
 * and high. The type comes from the bytes alone, never from a file name or a client's Content-Type.
 */
export async function sanitizePhoto(input: Uint8Array): Promise<SanitizedPhoto> {
  if (input.byteLength > photoLimits.maxUploadBytes) throw new PhotoRejected('photo_too_large');

  // Only these three formats' decoders ever see an upload, so a flaw in libvips' SVG, TIFF or GIF
  // loaders cannot be reached from here.
  const format = allowedFormatOf(input);
  if (!format) {
    throw new PhotoRejected(
      isRefusedImage(input) ? 'photo_type_not_allowed' : 'photo_not_an_image',
    );
  }

  // Reading the header decodes no pixels, so a bomb is refused before it can inflate.
  let header: Metadata;
  try {
    header = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw rejectionFor(cause);
  }
  if (header.format !== format) throw new PhotoRejected('photo_not_an_image');
  if (header.width * header.height > photoLimits.maxPixels) {
    throw new PhotoRejected('photo_too_large');
  }

  // 'error' tolerates the harmless warnings some phone cameras' JPEGs raise but refuses broken data.
  const pipeline = sharp(input, { limitInputPixels: photoLimits.maxPixels, failOn: 'error' })
    // Applied before the EXIF that holds the orientation is dropped, so the photo stays upright.
    .autoOrient()
    .resize({
      width: photoLimits.maxEdge,
      height: photoLimits.maxEdge,
      fit: 'inside',
      withoutEnlargement: true,
    })
    // Converts from any embedded profile (Display P3, CMYK) so the untagged output still looks right.
    .toColourspace('srgb');
  // sharp writes no metadata unless asked to (keepMetadata, withExif, ...), so re-encoding strips it.
  const encoder =
    format === 'jpeg'
      ? pipeline.jpeg({ quality: 85, mozjpeg: false })
      : format === 'png'
        ? pipeline.png()
        : pipeline.webp({ quality: 85 });

  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await encoder.toBuffer({ resolveWithObject: true });
  } catch (cause) {
    throw rejectionFor(cause);
  }

  return {
    bytes: output.data,
    mime: mimeOf[format],
    width: output.info.width,
    height: output.info.height,
    sha256: createHash('sha256').update(output.data).digest('hex'),
  };
}
