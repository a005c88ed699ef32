/** Reads the text of a QR code in the current video frame, or `undefined` when none is visible. */
export interface QrDecoder {
  name: 'barcode-detector' | 'jsqr';
  decode(video: HTMLVideoElement): Promise<string | undefined>;
}

/** The Shape Detection API (not in TypeScript's DOM types yet). */
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
  getSupportedFormats(): Promise<string[]>;
}

/** jsQR works on a downscaled frame: a receipt QR held up to the camera stays readable and a frame takes a few ms. */
const MAX_FRAME_SIDE = 640;

/**
 * The browser's own detector where it reads QR codes (Android, ChromeOS, macOS), else jsQR,
 * loaded only then so other devices do not download it.
 */
export async function createQrDecoder(): Promise<QrDecoder> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  const formats = Detector ? await Detector.getSupportedFormats().catch(() => []) : [];
  if (Detector && formats.includes('qr_code')) {
    const detector = new Detector({ formats: ['qr_code'] });
    return { name: 'barcode-detector', decode: async (video) => (await detector.detect(video))[0]?.rawValue };
  }
  return jsQrDecoder();
}

async function jsQrDecoder(): Promise<QrDecoder> {
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('canvas 2d unavailable');
  const decode = async (video: HTMLVideoElement) => {
    if (!video.videoWidth || !video.videoHeight) return undefined;
    const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(video.videoWidth, video.videoHeight));
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'attemptBoth' })?.data || undefined;
  };
  return { name: 'jsqr', decode };
}
