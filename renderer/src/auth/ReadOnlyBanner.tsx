import { Alert } from 'antd';

/**
 * Over every screen when the data folder cannot be written (auth.status.readOnly): the app opened it for
 * reading only. Says what happened, what still works and the way through.
 */
export function ReadOnlyBanner() {
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="read-only-banner"
      title="数据目录是只读的：本机只能查询，不能办理业务"
      description={
        <>
          客户端不能写入数据目录（所在磁盘或共享以只读方式挂载，或当前账户没有写权限），因此以只读方式打开，未改动任何文件。
          仍可以登录、查询和检索申请、查看统计与审计记录；受理、修改、流转环节、生成文书和备份会被拒绝。
          解决办法：请系统管理员恢复数据目录的写权限（或以读写方式重新挂载），然后关闭并重新启动客户端。
        </>
      }
    />
  );
}
