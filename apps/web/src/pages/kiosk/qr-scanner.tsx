import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { createQrDecoder } from './qr-decoder';
import { NOT_A_RECEIPT } from './scanned-lookup';

/** A frame every 150 ms: quick enough to feel instant, light enough for a kiosk's small CPU. */
const SCAN_EVERY_MS = 150;

/** Whether the device has a camera at all: without one the kiosk hides its scan button. */
export function useHasCamera(): boolean {
  const [hasCamera, setHasCamera] = useState(false);
  useEffect(() => {
    const media = navigator.mediaDevices;
    // No mediaDevices outside a secure context (plain http other than localhost): no camera either.
    if (!media?.enumerateDevices) return;
    const check = () =>
      media
        .enumerateDevices()
        .then((devices) => setHasCamera(devices.some((d) => d.kind === 'videoinput')))
        .catch(() => setHasCamera(false));
    void check();
    media.addEventListener('devicechange', check);
    return () => media.removeEventListener('devicechange', check);
  }, []);
  return hasCamera;
}

function cameraErrorText(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return 'Máy chưa được phép dùng camera. Vui lòng nhập mã bằng bàn phím.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return 'Không tìm thấy camera. Vui lòng nhập mã bằng bàn phím.';
  if (name === 'NotReadableError') return 'Camera đang bận. Vui lòng thử lại sau hoặc nhập mã bằng bàn phím.';
  return 'Không mở được camera. Vui lòng nhập mã bằng bàn phím.';
}

/**
 * The camera view of the kiosk: decodes every frame until `onScan` accepts a text (then the
 * parent closes it). The camera is released when it closes, also on the idle reset.
 */
export function QrScanner({ onScan, onClose }: { onScan: (text: string) => boolean; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const accept = useRef(onScan);
  const [decoder, setDecoder] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [rejected, setRejected] = useState(false);
  const [mirrored, setMirrored] = useState(false);

  useEffect(() => {
    accept.current = onScan;
  }, [onScan]);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let closed = false;
    const scan = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        const qr = await createQrDecoder();
        const element = video.current;
        if (closed || !element) return;
        element.srcObject = stream;
        await element.play();
        // A camera facing the citizen (a kiosk's webcam) shows a mirror image, so moving the paper left moves it left.
        setMirrored(stream.getVideoTracks()[0]?.getSettings().facingMode !== 'environment');
        setDecoder(qr.name);
        const tick = async () => {
          if (closed) return;
          const text = await qr.decode(element).catch(() => undefined);
          if (text && accept.current(text)) return;
          if (text) setRejected(true);
          timer = window.setTimeout(tick, SCAN_EVERY_MS);
        };
        await tick();
      } catch (error) {
        if (!closed) setFailure(cameraErrorText(error));
      }
    };
    void scan();
    return () => {
      closed = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div
      data-testid="qr-scanner"
      data-decoder={decoder ?? ''}
      style={{ display: 'flex', flexDirection: 'column', gap: 16, maxWidth: 720 }}
    >
      <div style={{ fontSize: 26 }}>Đưa mã QR in trên giấy hẹn vào trước camera.</div>
      {failure ? (
        <Alert
          type="warning"
          showIcon
          message={<span style={{ fontSize: 24 }}>{failure}</span>}
          data-testid="qr-failure"
        />
      ) : (
        <video
          ref={video}
          muted
          playsInline
          style={{
            width: '100%',
            maxHeight: '40vh',
            background: '#000',
            borderRadius: 12,
            objectFit: 'contain',
            transform: mirrored ? 'scaleX(-1)' : undefined,
          }}
        />
      )}
      {rejected && (
        <Alert
          type="info"
          showIcon
          message={<span style={{ fontSize: 22 }}>{NOT_A_RECEIPT}</span>}
          data-testid="qr-rejected"
        />
      )}
      <Button
        onClick={onClose}
        data-testid="qr-close"
        style={{ height: 84, fontSize: 30, alignSelf: 'flex-start', padding: '0 48px' }}
      >
        Đóng camera, nhập bằng bàn phím
      </Button>
    </div>
  );
}
