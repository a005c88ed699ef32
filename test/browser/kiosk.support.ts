import { writeFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { qrPng } from '../../libs/dossiers/src/forms/lookup-qr';

const WIDTH = 640;
const HEIGHT = 480;

/**
 * A Y4M video for Chromium's fake camera (`--use-file-for-fake-video-capture`) showing the QR of
 * `text` as the receipt prints it (the same `qrPng`), centred on white paper. Y4M is a text
 * header, then per frame `FRAME\n` and the raw 4:2:0 planes: luma from the PNG, chroma grey.
 * Chromium loops the file, so one frame is a still picture held up to the camera.
 */
export async function writeQrVideo(path: string, text: string): Promise<void> {
  const png = PNG.sync.read(await qrPng(text));
  if (png.width > WIDTH || png.height > HEIGHT) throw new Error(`QR ${png.width}×${png.height} does not fit the frame`);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  const left = Math.floor((WIDTH - png.width) / 2);
  const top = Math.floor((HEIGHT - png.height) / 2);
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const grey = 0.299 * png.data[i] + 0.587 * png.data[i + 1] + 0.114 * png.data[i + 2];
      luma[(top + y) * WIDTH + left + x] = Math.round(16 + (grey * 219) / 255);
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii');
  await writeFile(path, Buffer.concat([header, luma, chroma]));
}

/** Chromium flags for a camera that shows `videoFile` and is allowed without a prompt. */
export function fakeCameraArgs(videoFile: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${videoFile}`,
  ];
}
