import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** Renders `data` as a QR code image (SVG data URL, no HTML injection). Re-renders on change. */
export function QrCode({ data, label, size = 200 }: { data: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(data, { type: 'svg', margin: 1, errorCorrectionLevel: 'L' })
      .then((svg) => { if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`); })
      .catch(() => { if (live) setSrc(null); });
    return () => { live = false; };
  }, [data]);
  return (
    <div className="qr" style={{ width: size, height: size }}>
      {src && <img src={src} alt={label} width={size} height={size} data-qr={data} />}
    </div>
  );
}
