/** "Nguyễn Văn An" → "Nguyễn V*** A**": the family name stays, each other word keeps its first letter (DESIGN §5). */
export function maskName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  return words.map((word, i) => (i === 0 ? word : maskWord(word))).join(' ');
}

function maskWord(word: string): string {
  const letters = [...word];
  return letters[0] + '*'.repeat(letters.length - 1);
}
