// The laptop's camera inside the app (getUserMedia; the shell allows the
// camera only for the app's own page). A still is taken from the video as
// a JPEG and added like any other photo.
import { useEffect, useRef, useState } from 'react';
import { Modal } from '../app/Modal';
import { useTranslation } from 'react-i18next';

interface Props {
  onShot(file: File): void;
  onClose(): void;
}

export function CameraCapture({ onShot, onClose }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const { t } = useTranslation('evidence');
  const [stream, setStream] = useState<MediaStream | null>(null);
  const supported = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
  const [error, setError] = useState<string | null>(supported ? null : t('camera.none'));

  useEffect(() => {
    let live = true;
    let opened: MediaStream | null = null;
    if (!supported) return;
    navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false }).then(
      (s) => {
        opened = s;
        if (!live) { s.getTracks().forEach((t) => t.stop()); return; }
        setStream(s);
        if (video.current) video.current.srcObject = s;
      },
      (err: unknown) => {
        if (live) setError(err instanceof DOMException && err.name === 'NotAllowedError'
          ? t('camera.denied')
          : t('camera.failed'));
      },
    );
    return () => {
      live = false;
      opened?.getTracks().forEach((t) => t.stop());
    };
  }, [supported, t]);

  function take() {
    const v = video.current;
    if (!v || !v.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob((blob) => {
      if (!blob) return;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
      onShot(new File([blob], `camera-${stamp}.jpg`, { type: 'image/jpeg' }));
    }, 'image/jpeg', 0.92);
  }

  return (
    <Modal labelledBy="camera-title" className="ev-camera" onClose={onClose}>
        <h2 id="camera-title">{t('add.camera')}</h2>
        {error ? <p className="banner banner--error" role="alert">{error}</p> : <video ref={video} autoPlay playsInline muted aria-label={t('camera.preview')} />}
        <div className="form__actions">
          <button type="button" className="btn" onClick={onClose}>{t('cancel')}</button>
          <button type="button" className="btn btn--primary" disabled={!stream} onClick={take}>{t('camera.take')}</button>
        </div>
    </Modal>
  );
}
