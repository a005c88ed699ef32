/** A small coloured label of the citizen pages ("Nộp trực tuyến", "Bắt buộc", a level), without antd's Tag. */
export function Badge({
  children,
  color = '#0958d9',
  background = '#e6f4ff',
}: {
  children: string;
  color?: string;
  background?: string;
}) {
  return (
    <span
      style={{
        display: 'inline-block',
        fontSize: 13,
        lineHeight: '20px',
        padding: '0 8px',
        borderRadius: 4,
        color,
        background,
        whiteSpace: 'nowrap',
      }}
    >
      {children}
    </span>
  );
}
