import { useEffect, useState } from 'react';

/**
 * A QR code of `value` as an image. The encoder loads on first use, so pages without a QR code
 * never download it. Dark on white whatever the theme: scanners expect that contrast.
 */
export function QrCode({ value, alt, size = 192 }: { value: string; alt: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setFailed(false);
    import('qrcode')
      .then((qrcode) =>
        qrcode.default.toDataURL(value, {
          errorCorrectionLevel: 'M',
          margin: 2,
          width: size * 2, // crisp on high-density screens
          color: { dark: '#000000', light: '#ffffff' },
        }),
      )
      .then((url) => !cancelled && setSrc(url))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [value, size]);

  // Nothing to scan is better than a broken image; the link and share buttons remain.
  if (failed) return null;
  return (
    <div className="qr-code" style={{ width: size, height: size }}>
      {src && <img src={src} alt={alt} width={size} height={size} />}
    </div>
  );
}
