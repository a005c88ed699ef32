/**
 * Passwords refused whatever their length: the most common ones of public breach lists
 * (lowercased) plus Vietnamese favourites and this product's own name. A password whose
 * letters, once trailing digits and symbols are stripped, form one of `COMMON_PASSWORD_WORDS`
 * (`Matkhau@2025`, `motcua-demo`) is refused too.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', '123456789', '12345678', 'password', 'qwerty', '123123', '12345', '1234567', '111111', '1234567890',
  '000000', 'abc123', 'password1', '1234', 'iloveyou', 'qwerty123', '1q2w3e4r', '123321', '654321', '666666',
  '121212', '7777777', '555555', '987654321', '112233', '159753', '123654', '123qwe', 'qwertyuiop', 'zxcvbnm',
  'asdfghjkl', 'qazwsx', '1qaz2wsx', '1q2w3e4r5t', 'q1w2e3r4t5y6', 'aaaaaa', 'abcdef', 'abcd1234', 'abc12345', 'a123456',
  'a123456789', 'aa123456', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'password123', 'password12', 'password1234', 'admin', 'admin123',
  'admin1234', 'admin@123', 'administrator', 'root', 'toor', 'letmein', 'welcome', 'welcome1', 'welcome123', 'monkey',
  'dragon', 'master', 'sunshine', 'princess', 'football', 'baseball', 'shadow', 'superman', 'michael', 'jennifer',
  'charlie', 'trustno1', 'hello123', 'hello', 'freedom', 'whatever', 'starwars', 'batman', 'login', 'access',
  'mustang', 'ninja', 'azerty', 'solo', 'loveme', 'flower', 'hottie', 'lovely', 'donald', 'computer',
  'secret', 'secret123', 'changeme', 'changeit', 'default', 'guest', 'test', 'test123', 'test1234', 'testing',
  'temp', 'temp123', 'user', 'user123', 'demo', 'demo123', 'system', 'server', 'oracle', 'postgres',
  'google', 'facebook', 'samsung', 'apple', 'iphone', 'internet', 'chocolate', 'cheese', 'pokemon', 'maggie',
  'jordan', 'jordan23', 'harley', 'ranger', 'buster', 'soccer', 'hockey', 'killer', 'george', 'andrew',
  'thomas', 'daniel', 'robert', 'joshua', 'matthew', 'jessica', 'ashley', 'amanda', 'nicole', 'pepper',
  'summer', 'winter', 'spring', 'autumn', 'qwe123', 'asd123', 'zxc123', 'qwerty1', 'qwerty12', 'q1w2e3',
  '1qazxsw2', 'zaq12wsx', '11111111', '00000000', '88888888', '66666666', '99999999', '12341234', '11223344', '123456a',
  '123456aa', '123456abc', '1234qwer', 'qwer1234', 'asdf1234', 'zxcv1234', 'asdasd', 'qweqwe', 'zxczxc', 'abcabc',
  'love', 'lovelove', 'iloveu', 'anhyeuem', 'emyeuanh', 'yeuem', 'anhyeuem123', 'yeuemmaimai', 'matkhau', 'matkhau123',
  'matkhau@123', 'matkhaumoi', 'doimatkhau', 'vietnam', 'vietnam123', 'vietnam@123', 'hanoi', 'hanoi123', 'saigon', 'saigon123',
  'hochiminh', 'daklak', 'daklak123', 'buonmathuot', 'ubnd', 'ubnd123', 'motcua', 'motcua123', 'motcua@123', 'motcua-demo',
  'motcuadientu', 'motcualienthong', 'dichvucong', 'hoanganh', 'nguyen', 'nguyen123', 'tran123', 'le123', 'pham123', 'hoang123',
  'conyeu', 'baby123', 'chaoban', 'xinchao', 'xinchao123', 'abcde12345', 'a1b2c3d4', 'a1b2c3', 'zaq1xsw2', '147258369',
  '123456789a', '0123456789', '9876543210', '147258', '258369', '789456', '456789', '741852963', '159357', '1357924680',
]);

/** Words that stay weak with digits or symbols appended (`matkhau2025`, `Admin@2024!`). */
export const COMMON_PASSWORD_WORDS: ReadonlySet<string> = new Set([
  'password', 'passw0rd', 'p@ssw0rd', 'qwerty', 'qwertyuiop', 'admin', 'administrator', 'welcome', 'letmein', 'iloveyou',
  'abc', 'abcd', 'abcdef', 'test', 'demo', 'user', 'guest', 'secret', 'changeme', 'default',
  'matkhau', 'matkhaumoi', 'doimatkhau', 'motcua', 'motcuademo', 'motcuadientu', 'vietnam', 'hanoi', 'saigon', 'anhyeuem',
  'emyeuanh', 'yeuem', 'xinchao', 'ubnd', 'daklak', 'dichvucong',
]);
