import { z } from 'zod';

// Every boundary message is Chinese: zod's built-in zh-CN locale for shape errors.
z.config(z.locales.zhCN());
