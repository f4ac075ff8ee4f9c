<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminAdapter</name>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>%1 is not available in this build of MQCloud Desk yet.</source>
        <translation>此版本的 MQCloud Desk 尚不支持%1。</translation>
    </message>
    <message>
        <source>Some brokers did not reset: %1</source>
        <translation>部分 Broker 未能重置：%1</translation>
    </message>
    <message>
        <source>consumed</source>
        <translation>已消费</translation>
    </message>
    <message>
        <source>skipped: its subscription does not take this tag</source>
        <translation>已跳过：其订阅不包含此标签</translation>
    </message>
    <message>
        <source>not consumed yet</source>
        <translation>尚未消费</translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>未知：%1</translation>
    </message>
    <message>
        <source>no consumer online</source>
        <translation>无在线消费者</translation>
    </message>
    <message>
        <source>The name server refused to list topics (code %1): %2</source>
        <translation>NameServer 拒绝列出主题（代码 %1）：%2</translation>
    </message>
    <message>
        <source>Query by key</source>
        <translation>按 Key 查询</translation>
    </message>
    <message>
        <source>Query by message ID</source>
        <translation>按消息 ID 查询</translation>
    </message>
    <message>
        <source>Browsing by time</source>
        <translation>按时间浏览</translation>
    </message>
    <message>
        <source>Listing consumer groups</source>
        <translation>列出消费者组</translation>
    </message>
    <message>
        <source>Consumer progress</source>
        <translation>消费进度</translation>
    </message>
    <message>
        <source>Resetting offsets</source>
        <translation>重置消费位点</translation>
    </message>
    <message>
        <source>The consumed-by track</source>
        <translation>消费轨迹</translation>
    </message>
</context>
<context>
    <name>BodyCodec</name>
    <message>
        <source>The JSON body is empty.</source>
        <translation>JSON 消息体为空。</translation>
    </message>
    <message>
        <source>The JSON body must be a single value: %1</source>
        <translation>JSON 消息体必须是单个值：%1</translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2: %3</source>
        <translation>JSON 无效（第 %1 行，第 %2 列）：%3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; at position %2 is not a hex digit.</source>
        <translation>第 %2 个位置的“%1”不是十六进制数字。</translation>
    </message>
    <message>
        <source>The hex body has an odd number of digits (%1): every byte needs two.</source>
        <translation>十六进制消息体的位数为奇数（%1）：每个字节需要两位。</translation>
    </message>
    <message numerus="yes">
        <source>... %n more byte(s) not shown</source>
        <translation>
            <numerusform>……另有 %n 字节未显示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BodyViewer</name>
    <message>
        <source>&amp;Body as:</source>
        <translation>消息体显示为(&amp;B)：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>JSON (formatted)</source>
        <translation>JSON（格式化）</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>复制消息体</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save the raw body bytes to a file</source>
        <translation>将原始消息体字节保存到文件</translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Topic name, e.g. order-events</source>
        <translation>主题名称，例如 order-events</translation>
    </message>
    <message>
        <source>T&amp;ag:</source>
        <translation>标签(&amp;A)：</translation>
    </message>
    <message>
        <source>Optional, e.g. TagA</source>
        <translation>可选，例如 TagA</translation>
    </message>
    <message>
        <source>&amp;Keys:</source>
        <translation>Keys(&amp;K)：</translation>
    </message>
    <message>
        <source>Space-separated business keys, e.g. order-1001</source>
        <translation>以空格分隔的业务 Key，例如 order-1001</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>延时(&amp;D)：</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>模板(&amp;M)：</translation>
    </message>
    <message>
        <source>Save the current message as a template of this profile</source>
        <translation>将当前消息保存为此连接配置的模板</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete the selected template</source>
        <translation>删除所选模板</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>User properties:</source>
        <translation>用户属性：</translation>
    </message>
    <message>
        <source>Add a property</source>
        <translation>添加属性</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove the selected property</source>
        <translation>移除所选属性</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>消息体(&amp;B)：</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>From file</source>
        <translation>来自文件</translation>
    </message>
    <message>
        <source>Validate and pretty-print the JSON body</source>
        <translation>校验并格式化 JSON 消息体</translation>
    </message>
    <message>
        <source>Format JSON</source>
        <translation>格式化 JSON</translation>
    </message>
    <message>
        <source>Choose file...</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>消息体</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source> time(s)</source>
        <translation> 次</translation>
    </message>
    <message>
        <source>at</source>
        <translation>速率</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> 条/秒</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>发送（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>发送结果</translation>
    </message>
    <message>
        <source>Copy message ID</source>
        <translation>复制消息 ID</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <source>Messages whose send failed stay here, also after a restart, until they are sent or removed.</source>
        <translation>发送失败的消息会保留在这里（重启后依然保留），直到重新发送成功或被移除。</translation>
    </message>
    <message>
        <source>Open in composer</source>
        <translation>在编辑器中打开</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>重发所选</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The profile needs a name.</source>
        <translation>连接配置需要一个名称。</translation>
    </message>
    <message>
        <source>The producer group &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</source>
        <translation>生产者组“%1”只能包含字母、数字、“_”、“-”、“%”和“|”。</translation>
    </message>
    <message>
        <source>The consumer group &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</source>
        <translation>消费者组“%1”只能包含字母、数字、“_”、“-”、“%”和“|”。</translation>
    </message>
    <message>
        <source>Enter the MQCloud domain, for example mqcloud.example.com.</source>
        <translation>请输入 MQCloud 域名，例如 mqcloud.example.com。</translation>
    </message>
    <message>
        <source>The MQCloud cluster id is a number (see the cluster page in MQCloud).</source>
        <translation>MQCloud 集群 ID 是一个数字（见 MQCloud 的集群页面）。</translation>
    </message>
    <message>
        <source>The resolver address must be an http:// or https:// URL.</source>
        <translation>地址解析服务必须是 http:// 或 https:// 开头的 URL。</translation>
    </message>
    <message>
        <source>List at least one name server as host:port.</source>
        <translation>请至少填写一个 NameServer，格式为 host:port。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a name server address; write host:port, e.g. 127.0.0.1:9876.</source>
        <translation>“%1”不是 NameServer 地址；请写成 host:port，例如 127.0.0.1:9876。</translation>
    </message>
    <message>
        <source>An ACL secret key needs its access key.</source>
        <translation>ACL SecretKey 需要配合 AccessKey 使用。</translation>
    </message>
    <message>
        <source>The request timeout must be between 100 ms and 10 minutes.</source>
        <translation>请求超时必须在 100 毫秒到 10 分钟之间。</translation>
    </message>
    <message>
        <source>Send retries must be between 0 and 16.</source>
        <translation>发送重试次数必须在 0 到 16 之间。</translation>
    </message>
</context>
<context>
    <name>ConsumersPanel</name>
    <message>
        <source>Filter consumer groups</source>
        <translation>筛选消费者组</translation>
    </message>
    <message>
        <source>Reload groups and progress (F5)</source>
        <translation>重新加载消费者组和进度（F5）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reset the offsets of topic</source>
        <translation>将主题</translation>
    </message>
    <message>
        <source>to the messages stored since</source>
        <translation>的消费位点重置到此时间之后存储的消息</translation>
    </message>
    <message>
        <source>Reset offsets...</source>
        <translation>重置位点…</translation>
    </message>
</context>
<context>
    <name>FeedExporter</name>
    <message>
        <source>Cannot write: %1</source>
        <translation>无法写入：%1</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message>
        <source>Subscribe...</source>
        <translation>订阅…</translation>
    </message>
    <message>
        <source>Add a subscription (Ctrl+N)</source>
        <translation>添加订阅（Ctrl+N）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Freeze the table; messages keep arriving in the background (Ctrl+P)</source>
        <translation>冻结表格；消息仍在后台继续接收（Ctrl+P）</translation>
    </message>
    <message>
        <source>Auto-scroll</source>
        <translation>自动滚动</translation>
    </message>
    <message>
        <source>Filter by key, tag, message ID or body text (Ctrl+F)</source>
        <translation>按 Key、标签、消息 ID 或消息体内容筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every row from the feed</source>
        <translation>清空实时消息列表</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>取消订阅</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>MQCloud Desk</source>
        <translation>MQCloud Desk</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>实时消息</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>消息查询</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connection &amp;profiles...</source>
        <translation>连接配置(&amp;P)…</translation>
    </message>
    <message>
        <source>Add, edit or remove connection profiles</source>
        <translation>添加、编辑或删除连接配置</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Connect with the selected profile</source>
        <translation>使用所选连接配置进行连接</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Composer</source>
        <translation>发送消息(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Live feed</source>
        <translation>实时消息(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>消息查询(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;onsumers</source>
        <translation>消费者(&amp;O)</translation>
    </message>
    <message>
        <source>Message &amp;inspector</source>
        <translation>消息详情(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;About MQCloud Desk</source>
        <translation>关于 MQCloud Desk(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MessageDraft</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose a file for the body.</source>
        <translation>请为消息体选择一个文件。</translation>
    </message>
    <message>
        <source>The body file %1 does not exist.</source>
        <translation>消息体文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The body file is %1 bytes; the broker accepts at most %2.</source>
        <translation>消息体文件大小为 %1 字节；Broker 最多接受 %2 字节。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Enter a topic.</source>
        <translation>请输入主题。</translation>
    </message>
    <message>
        <source>The topic &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</source>
        <translation>主题“%1”只能包含字母、数字、“_”、“-”、“%”和“|”。</translation>
    </message>
    <message>
        <source>The topic is %1 characters long; at most 127 are allowed.</source>
        <translation>主题长度为 %1 个字符；最多允许 127 个。</translation>
    </message>
    <message>
        <source>TBW102 is the broker&apos;s template topic for auto-creation; send to a real topic.</source>
        <translation>TBW102 是 Broker 自动创建主题用的模板主题；请发送到实际的主题。</translation>
    </message>
    <message>
        <source>A message carries one tag; &quot;||&quot; and &quot;*&quot; belong in subscriptions.</source>
        <translation>一条消息只能带一个标签；“||”和“*”只用于订阅。</translation>
    </message>
    <message>
        <source>The tag contains a control character.</source>
        <translation>标签中包含控制字符。</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; contains a control character.</source>
        <translation>Key“%1”中包含控制字符。</translation>
    </message>
    <message>
        <source>The delay level must be between 0 (none) and %1.</source>
        <translation>延时等级必须在 0（不延时）到 %1 之间。</translation>
    </message>
    <message>
        <source>A user property has a value (&quot;%1&quot;) but no name.</source>
        <translation>有一个用户属性有值（“%1”）但没有名称。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a system property; choose another name.</source>
        <translation>“%1”是系统属性；请换一个名称。</translation>
    </message>
    <message>
        <source>The property &quot;%1&quot; contains a control character.</source>
        <translation>属性“%1”中包含控制字符。</translation>
    </message>
    <message>
        <source>The property &quot;%1&quot; is listed twice.</source>
        <translation>属性“%1”重复出现。</translation>
    </message>
    <message>
        <source>The body is empty; the broker rejects empty messages.</source>
        <translation>消息体为空；Broker 会拒绝空消息。</translation>
    </message>
    <message>
        <source>The body is %1 bytes; the broker accepts at most %2.</source>
        <translation>消息体大小为 %1 字节；Broker 最多接受 %2 字节。</translation>
    </message>
</context>
<context>
    <name>MessageInspector</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <source>Copy the selected field&apos;s value (Ctrl+C)</source>
        <translation>复制所选字段的值（Ctrl+C）</translation>
    </message>
    <message>
        <source>Copy message ID</source>
        <translation>复制消息 ID</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>复制为 JSON</translation>
    </message>
    <message>
        <source>Every field, property and the body as one JSON line</source>
        <translation>将全部字段、属性和消息体复制为一行 JSON</translation>
    </message>
    <message>
        <source>Who consumed it?</source>
        <translation>谁消费了它？</translation>
    </message>
    <message>
        <source>Ask the brokers which consumer groups have consumed this message</source>
        <translation>向 Broker 查询哪些消费者组已消费此消息</translation>
    </message>
</context>
<context>
    <name>ProducerAdapter</name>
    <message>
        <source>The producer has stopped.</source>
        <translation>生产者已停止。</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Connection profiles</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Name &amp;servers from:</source>
        <translation>NameServer 来源(&amp;S)：</translation>
    </message>
    <message>
        <source>Embedded sandbox</source>
        <translation>内置沙箱</translation>
    </message>
    <message>
        <source>MQCloud (domain and cluster ID)</source>
        <translation>MQCloud（域名和集群 ID）</translation>
    </message>
    <message>
        <source>HTTP resolver URL</source>
        <translation>HTTP 地址解析 URL</translation>
    </message>
    <message>
        <source>Fixed list</source>
        <translation>固定列表</translation>
    </message>
    <message>
        <source>MQCloud &amp;domain:</source>
        <translation>MQCloud 域名(&amp;D)：</translation>
    </message>
    <message>
        <source>mqcloud.example.com</source>
        <translation>mqcloud.example.com</translation>
    </message>
    <message>
        <source>&amp;Cluster ID:</source>
        <translation>集群 ID(&amp;C)：</translation>
    </message>
    <message>
        <source>e.g. 3</source>
        <translation>例如 3</translation>
    </message>
    <message>
        <source>Resolver:</source>
        <translation>地址解析：</translation>
    </message>
    <message>
        <source>Resolver &amp;URL:</source>
        <translation>解析 &amp;URL：</translation>
    </message>
    <message>
        <source>http://host/rocketmq/nsaddr</source>
        <translation>http://host/rocketmq/nsaddr</translation>
    </message>
    <message>
        <source>Name server &amp;list:</source>
        <translation>NameServer 列表(&amp;L)：</translation>
    </message>
    <message>
        <source>127.0.0.1:9876;10.0.0.2:9876</source>
        <translation>127.0.0.1:9876;10.0.0.2:9876</translation>
    </message>
    <message>
        <source>&amp;Producer group:</source>
        <translation>生产者组(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;onsumer group:</source>
        <translation>消费者组(&amp;O)：</translation>
    </message>
    <message>
        <source>ACL &amp;access key:</source>
        <translation>ACL AccessKey(&amp;A)：</translation>
    </message>
    <message>
        <source>Leave empty when the cluster has no ACL</source>
        <translation>集群未开启 ACL 时留空</translation>
    </message>
    <message>
        <source>ACL s&amp;ecret key:</source>
        <translation>ACL SecretKey(&amp;E)：</translation>
    </message>
    <message>
        <source>Kept in the system keychain; leave empty to keep the stored one</source>
        <translation>保存在系统密钥存储中；留空则保留已存储的值</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>传输：</translation>
    </message>
    <message>
        <source>Don&apos;t verify the server certificate (insecure)</source>
        <translation>不验证服务器证书（不安全）</translation>
    </message>
    <message>
        <source>Use &amp;TLS</source>
        <translation>使用 &amp;TLS</translation>
    </message>
    <message>
        <source>Request &amp;timeout:</source>
        <translation>请求超时(&amp;T)：</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Send &amp;retries:</source>
        <translation>发送重试次数(&amp;R)：</translation>
    </message>
    <message>
        <source>Re&amp;solve every:</source>
        <translation>地址刷新间隔(&amp;S)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Starts a name server and a broker inside MQCloud Desk, on free local ports. Nothing to install; messages are kept in memory and disappear when the app quits.</source>
        <translation>在 MQCloud Desk 内部启动一个 NameServer 和一个 Broker，使用本机空闲端口。无需安装任何东西；消息保存在内存中，退出应用后即消失。</translation>
    </message>
</context>
<context>
    <name>QueryPanel</name>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>By key</source>
        <translation>按 Key</translation>
    </message>
    <message>
        <source>By message ID</source>
        <translation>按消息 ID</translation>
    </message>
    <message>
        <source>By time range</source>
        <translation>按时间范围</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>Key(&amp;K)：</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>从(&amp;R)：</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>到(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;At most:</source>
        <translation>最多(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ResetOffsetDialog</name>
    <message>
        <source>Reset consumer offsets</source>
        <translation>重置消费位点</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Current offset</source>
        <translation>当前位点</translation>
    </message>
    <message>
        <source>New offset</source>
        <translation>新位点</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>影响</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Live feed &amp;keeps:</source>
        <translation>实时消息最多保留(&amp;K)：</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> 条消息</translation>
    </message>
    <message>
        <source>Live feed &amp;updates every:</source>
        <translation>实时消息刷新间隔(&amp;U)：</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>When the live feed is full the oldest messages make room for new ones.</source>
        <translation>实时消息列表满了以后，最早的消息会被移除，为新消息腾出空间。</translation>
    </message>
</context>
<context>
    <name>SubscribeDialog</name>
    <message>
        <source>Subscribe</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;ag expression:</source>
        <translation>标签表达式(&amp;A)：</translation>
    </message>
    <message>
        <source>* for all, or TagA || TagB</source>
        <translation>* 表示全部，或 TagA || TagB</translation>
    </message>
    <message>
        <source>Consumer &amp;group:</source>
        <translation>消费者组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>消费模式(&amp;M)：</translation>
    </message>
    <message>
        <source>Clustering (share messages with the group)</source>
        <translation>集群消费（与组内其他成员分摊消息）</translation>
    </message>
    <message>
        <source>Broadcasting (receive every message)</source>
        <translation>广播消费（接收每一条消息）</translation>
    </message>
    <message>
        <source>Start &amp;from:</source>
        <translation>起始位置(&amp;F)：</translation>
    </message>
    <message>
        <source>Last offset (new messages)</source>
        <translation>最新位点（只看新消息）</translation>
    </message>
    <message>
        <source>First offset (everything stored)</source>
        <translation>最早位点（所有已存储的消息）</translation>
    </message>
    <message>
        <source>A point in time</source>
        <translation>指定时间点</translation>
    </message>
    <message>
        <source>Where to start only applies to a consumer group that has no committed offset yet; an existing group continues where it left off.</source>
        <translation>起始位置只对还没有提交过位点的消费者组生效；已有的消费者组会从上次的位置继续消费。</translation>
    </message>
</context>
<context>
    <name>TopicsPanel</name>
    <message>
        <source>Filter topics</source>
        <translation>筛选主题</translation>
    </message>
    <message>
        <source>Reload the topic list (F5)</source>
        <translation>重新加载主题列表（F5）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show system topics</source>
        <translation>显示系统主题</translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Read queues</source>
        <translation>读队列数</translation>
    </message>
    <message>
        <source>Write queues</source>
        <translation>写队列数</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop console for RocketMQ and MQCloud: send, watch, query and inspect messages.</source>
        <translation>RocketMQ 与 MQCloud 的桌面控制台：发送、实时查看、查询和检查消息。</translation>
    </message>
    <message>
        <source>Print the time from process start to the main window shown, then quit.</source>
        <translation>打印从进程启动到主窗口显示所用的时间，然后退出。</translation>
    </message>
    <message>
        <source>Start the embedded sandbox cluster and connect to it.</source>
        <translation>启动内置沙箱集群并连接。</translation>
    </message>
    <message>
        <source>Connect with the profile &lt;name&gt;.</source>
        <translation>使用指定名称的连接配置进行连接。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>User interface language: en or zh_CN.</source>
        <translation>界面语言：en 或 zh_CN。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Unknown language %1; available: %2</source>
        <translation>未知语言 %1；可用的语言：%2</translation>
    </message>
    <message>
        <source>No profile named %1.</source>
        <translation>没有名为 %1 的连接配置。</translation>
    </message>
</context>
<context>
    <name>mq::gui::BodyViewer</name>
    <message>
        <source>Save message body</source>
        <translation>保存消息体</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, JSON</source>
        <translation>%1，JSON</translation>
    </message>
    <message>
        <source>%1, not valid JSON: %2</source>
        <translation>%1，不是有效的 JSON：%2</translation>
    </message>
    <message>
        <source>%1, not valid UTF-8</source>
        <translation>%1，不是有效的 UTF-8</translation>
    </message>
</context>
<context>
    <name>mq::gui::ClientSession</name>
    <message>
        <source>The embedded sandbox did not start: %1</source>
        <translation>内置沙箱未能启动：%1</translation>
    </message>
    <message>
        <source>No ACL secret key is stored for this profile, so requests are not signed; enter it in the profile.</source>
        <translation>此连接配置没有保存 ACL SecretKey，因此请求未签名；请在连接配置中填写。</translation>
    </message>
    <message>
        <source>%1 Trying again in 10 seconds.</source>
        <translation>%1 将在 10 秒后重试。</translation>
    </message>
    <message>
        <source>The producer did not start: %1</source>
        <translation>生产者未能启动：%1</translation>
    </message>
    <message>
        <source>No name server answers (%1): %2</source>
        <translation>NameServer 无响应（%1）：%2</translation>
    </message>
    <message>
        <source>The name server refused to describe the cluster (code %1): %2</source>
        <translation>NameServer 拒绝返回集群信息（代码 %1）：%2</translation>
    </message>
    <message>
        <source>Cannot read the cluster&apos;s brokers: %1</source>
        <translation>无法读取集群的 Broker：%1</translation>
    </message>
    <message>
        <source>%1 (slave %2)</source>
        <translation>%1（从节点 %2）</translation>
    </message>
    <message>
        <source>The name servers know no broker: nothing can be sent or received.</source>
        <translation>NameServer 上没有任何 Broker：无法发送或接收消息。</translation>
    </message>
</context>
<context>
    <name>mq::gui::ComposerPanel</name>
    <message>
        <source>None (deliver now)</source>
        <translation>不延时（立即投递）</translation>
    </message>
    <message>
        <source>Level %1 (%2)</source>
        <translation>等级 %1（%2）</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>未选择文件。</translation>
    </message>
    <message>
        <source>The body is the content of %1 (read when sending).</source>
        <translation>消息体为 %1 的内容（发送时读取）。</translation>
    </message>
    <message>
        <source>Hex bytes, e.g. 7b 22 69 64 22 3a 31 7d</source>
        <translation>十六进制字节，例如 7b 22 69 64 22 3a 31 7d</translation>
    </message>
    <message>
        <source>A JSON document, e.g. {&quot;id&quot;: 1}</source>
        <translation>JSON 文档，例如 {&quot;id&quot;: 1}</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>消息体</translation>
    </message>
    <message>
        <source>Message body from file</source>
        <translation>从文件读取消息体</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a topic and a body, then press Send (Ctrl+Return).</source>
        <translation>输入主题和消息体，然后点击“发送”（Ctrl+Return）。</translation>
    </message>
    <message>
        <source>Valid JSON. Ready to send to %1.</source>
        <translation>JSON 有效。可以发送到 %1。</translation>
    </message>
    <message>
        <source>Ready to send to %1.</source>
        <translation>可以发送到 %1。</translation>
    </message>
    <message>
        <source>Connect to a cluster first (Connection &gt; Connect).</source>
        <translation>请先连接集群（连接 &gt; 连接）。</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>发送（Ctrl+Return）</translation>
    </message>
    <message>
        <source>%1 of %2 sent, %3 failed</source>
        <translation>已发送 %1 / %2，失败 %3</translation>
    </message>
    <message>
        <source>Outbox (%1)</source>
        <translation>发件箱（%1）</translation>
    </message>
    <message>
        <source>Retried %1: %2 sent, %3 failed again</source>
        <translation>重发 %1 条：成功 %2，再次失败 %3</translation>
    </message>
    <message>
        <source>%1 sent, %2 failed</source>
        <translation>成功 %1，失败 %2</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <source>(connect to use templates)</source>
        <translation>（连接后可使用模板）</translation>
    </message>
    <message>
        <source>(choose a template)</source>
        <translation>（选择模板）</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Template name (saved for profile &quot;%1&quot;):</source>
        <translation>模板名称（保存到连接配置“%1”）：</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <source>Delete the template &quot;%1&quot;?</source>
        <translation>删除模板“%1”？</translation>
    </message>
</context>
<context>
    <name>mq::gui::ConnectionStatus</name>
    <message>
        <source>Not connected. Choose a profile and press Connect (Ctrl+K).</source>
        <translation>未连接。请选择连接配置并点击“连接”（Ctrl+K）。</translation>
    </message>
    <message>
        <source>%1: connecting...</source>
        <translation>%1：正在连接…</translation>
    </message>
    <message>
        <source>%1: connecting to name servers %2...</source>
        <translation>%1：正在连接 NameServer %2…</translation>
    </message>
    <message>
        <source>%1: connected. Name servers: %2. Brokers: %3.</source>
        <translation>%1：已连接。NameServer：%2。Broker：%3。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1: not connected. %2</source>
        <translation>%1：未连接。%2</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>未知错误。</translation>
    </message>
    <message>
        <source>Name servers:</source>
        <translation>NameServer：</translation>
    </message>
    <message>
        <source>Brokers:</source>
        <translation>Broker：</translation>
    </message>
    <message>
        <source>Keychain unavailable: secrets last this session only</source>
        <translation>系统密钥存储不可用：密钥仅在本次会话中有效</translation>
    </message>
</context>
<context>
    <name>mq::gui::ConsumerAdapter</name>
    <message>
        <source>The connection was closed.</source>
        <translation>连接已关闭。</translation>
    </message>
    <message>
        <source>Group %1 is already subscribed here in %2 mode; use another group for %3 mode.</source>
        <translation>消费者组 %1 已在此以%2模式订阅；%3模式请使用其他消费者组。</translation>
    </message>
    <message>
        <source>clustering</source>
        <translation>集群消费</translation>
    </message>
    <message>
        <source>broadcasting</source>
        <translation>广播消费</translation>
    </message>
    <message>
        <source>Group %1 already subscribes to %2 here; a group has one tag expression per topic. Use another group to watch it a second time.</source>
        <translation>消费者组 %1 已在此订阅 %2；同一消费者组对每个主题只有一个标签表达式。如需再次查看，请使用其他消费者组。</translation>
    </message>
    <message>
        <source>The consumer of group %1 has stopped.</source>
        <translation>消费者组 %1 的消费者已停止。</translation>
    </message>
</context>
<context>
    <name>mq::gui::ConsumerProgressModel</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>(offline)</source>
        <translation>（离线）</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Broker offset</source>
        <translation>Broker 位点</translation>
    </message>
    <message>
        <source>Consumer offset</source>
        <translation>消费位点</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>堆积</translation>
    </message>
    <message>
        <source>Last consumed</source>
        <translation>最近消费</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
</context>
<context>
    <name>mq::gui::ConsumersPanel</name>
    <message>
        <source>Connect to see consumer groups and their progress.</source>
        <translation>连接后可查看消费者组及其消费进度。</translation>
    </message>
    <message>
        <source>Select a consumer group to see its progress.</source>
        <translation>选择一个消费者组查看其消费进度。</translation>
    </message>
    <message>
        <source>This connection cannot read consumer progress yet.</source>
        <translation>此连接暂时无法读取消费进度。</translation>
    </message>
    <message>
        <source>Cannot list consumer groups: %1</source>
        <translation>无法列出消费者组：%1</translation>
    </message>
    <message>
        <source>Loading the progress of %1...</source>
        <translation>正在加载 %1 的消费进度…</translation>
    </message>
    <message>
        <source>Cannot read the progress of %1: %2</source>
        <translation>无法读取 %1 的消费进度：%2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 queue(s), total lag %3 message(s), %4 messages/s consumed.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2 个队列，共堆积 %3 条消息，消费速率 %4 条/秒。</translation>
    </message>
    <message>
        <source>Resetting the offsets of %1 on %2...</source>
        <translation>正在重置 %1 在 %2 上的消费位点…</translation>
    </message>
    <message>
        <source>The reset failed: %1</source>
        <translation>重置失败：%1</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>mq::gui::FeedModel</name>
    <message numerus="yes">
        <source>%n byte(s) (binary)</source>
        <translation>
            <numerusform>%n 字节（二进制）</numerusform>
        </translation>
    </message>
    <message>
        <source>offsetMsgId: %1</source>
        <translation>offsetMsgId：%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>位点</translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation>消息 ID</translation>
    </message>
    <message>
        <source>Born host</source>
        <translation>生产者地址</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>消息体</translation>
    </message>
</context>
<context>
    <name>mq::gui::FeedPanel</name>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Export all rows...</source>
        <translation>导出全部行…</translation>
    </message>
    <message>
        <source>Export selected rows...</source>
        <translation>导出所选行…</translation>
    </message>
    <message>
        <source>from last offset</source>
        <translation>从最新位点</translation>
    </message>
    <message>
        <source>from first offset</source>
        <translation>从最早位点</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>从 %1</translation>
    </message>
    <message>
        <source>%1 [%2]
group %3, %4, %5</source>
        <translation>%1 [%2]
消费者组 %3，%4，%5</translation>
    </message>
    <message>
        <source>clustering</source>
        <translation>集群消费</translation>
    </message>
    <message>
        <source>broadcasting</source>
        <translation>广播消费</translation>
    </message>
    <message>
        <source>Connect, then subscribe to a topic to watch its messages arrive.</source>
        <translation>连接后订阅一个主题，即可实时查看到达的消息。</translation>
    </message>
    <message>
        <source>No subscriptions yet. Press Subscribe to add one.</source>
        <translation>暂无订阅。点击“订阅”添加。</translation>
    </message>
    <message>
        <source>Add a subscription (Ctrl+N)</source>
        <translation>添加订阅（Ctrl+N）</translation>
    </message>
    <message>
        <source>This connection cannot consume messages yet.</source>
        <translation>此连接暂时无法消费消息。</translation>
    </message>
    <message>
        <source>Connect to a cluster first (Connection &gt; Connect).</source>
        <translation>请先连接集群（连接 &gt; 连接）。</translation>
    </message>
    <message>
        <source>%1 shown of %2 in the feed (holds at most %3), %4 received in total</source>
        <translation>显示 %1 / %2 条（最多保留 %3 条），共接收 %4 条</translation>
    </message>
    <message>
        <source>paused, %1 waiting</source>
        <translation>已暂停，%1 条待显示</translation>
    </message>
    <message>
        <source>%1 skipped while paused</source>
        <translation>暂停期间跳过 %1 条</translation>
    </message>
    <message>
        <source>Export selected messages</source>
        <translation>导出所选消息</translation>
    </message>
    <message>
        <source>Export all messages</source>
        <translation>导出全部消息</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;CSV (*.csv)</source>
        <translation>JSON Lines (*.jsonl);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>mq::gui::KeychainSecretStore</name>
    <message>
        <source>no keychain service answered</source>
        <translation>没有密钥存储服务响应</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). Secret keys are kept in memory for this session only and must be entered again after a restart.</source>
        <translation>系统密钥存储不可用（%1）。密钥仅在本次会话中保存在内存里，重启后需要重新输入。</translation>
    </message>
    <message>
        <source>no answer within two minutes</source>
        <translation>两分钟内无响应</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>%1 没有保存密钥。</translation>
    </message>
    <message>
        <source>The keychain refused to read %1: %2</source>
        <translation>密钥存储拒绝读取 %1：%2</translation>
    </message>
    <message>
        <source>The keychain refused to store %1: %2</source>
        <translation>密钥存储拒绝保存 %1：%2</translation>
    </message>
    <message>
        <source>The keychain refused to delete %1: %2</source>
        <translation>密钥存储拒绝删除 %1：%2</translation>
    </message>
</context>
<context>
    <name>mq::gui::MainWindow</name>
    <message>
        <source>About MQCloud Desk</source>
        <translation>关于 MQCloud Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MQCloud Desk %1&lt;/h3&gt;&lt;p&gt;A desktop console for RocketMQ and MQCloud: send keyed messages, watch live feeds, look messages up by key or id and follow consumer progress.&lt;/p&gt;&lt;p&gt;It speaks RocketMQ&apos;s remoting protocol itself (Qt %2, QCoro).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MQCloud Desk %1&lt;/h3&gt;&lt;p&gt;RocketMQ 与 MQCloud 的桌面控制台：发送带 Key 的消息、实时查看消息、按 Key 或 ID 查询消息、跟踪消费进度。&lt;/p&gt;&lt;p&gt;它自己实现了 RocketMQ 的 remoting 协议（Qt %2，QCoro）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Message inspector</source>
        <translation>消息详情</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>连接配置：</translation>
    </message>
    <message>
        <source>Connection profile (edit with File &gt; Connection profiles)</source>
        <translation>连接配置（在“文件 &gt; 连接配置”中编辑）</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>消息详情</translation>
    </message>
</context>
<context>
    <name>mq::gui::MemorySecretStore</name>
    <message>
        <source>Secrets are kept in memory and forgotten when MQCloud Desk quits.</source>
        <translation>密钥保存在内存中，MQCloud Desk 退出后即被清除。</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>%1 没有保存密钥。</translation>
    </message>
</context>
<context>
    <name>mq::gui::MessageInspector</name>
    <message>
        <source>Asking the brokers...</source>
        <translation>正在询问 Broker…</translation>
    </message>
    <message>
        <source>No consumer group subscribes to %1.</source>
        <translation>没有消费者组订阅 %1。</translation>
    </message>
    <message>
        <source>compressed</source>
        <translation>已压缩</translation>
    </message>
    <message>
        <source>multiple tags</source>
        <translation>多标签</translation>
    </message>
    <message>
        <source>transaction prepared</source>
        <translation>事务预提交</translation>
    </message>
    <message>
        <source>transaction committed</source>
        <translation>事务已提交</translation>
    </message>
    <message>
        <source>transaction rolled back</source>
        <translation>事务已回滚</translation>
    </message>
    <message>
        <source>born host IPv6</source>
        <translation>生产者地址为 IPv6</translation>
    </message>
    <message>
        <source>store host IPv6</source>
        <translation>存储地址为 IPv6</translation>
    </message>
    <message>
        <source>Select a message in the live feed or the query results to see every field here.</source>
        <translation>在实时消息或查询结果中选择一条消息，即可在此查看全部字段。</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation>消息 ID</translation>
    </message>
    <message>
        <source>Message ID kind</source>
        <translation>消息 ID 类型</translation>
    </message>
    <message>
        <source>client ID (UNIQ_KEY property)</source>
        <translation>客户端 ID（UNIQ_KEY 属性）</translation>
    </message>
    <message>
        <source>broker offset ID (the producer set no UNIQ_KEY)</source>
        <translation>Broker 偏移 ID（生产者未设置 UNIQ_KEY）</translation>
    </message>
    <message>
        <source>Offset message ID</source>
        <translation>offsetMsgId</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Queue ID</source>
        <translation>队列 ID</translation>
    </message>
    <message>
        <source>Queue offset</source>
        <translation>队列位点</translation>
    </message>
    <message>
        <source>Commit log offset</source>
        <translation>CommitLog 偏移量</translation>
    </message>
    <message>
        <source>Born time</source>
        <translation>生产时间</translation>
    </message>
    <message>
        <source>Born host</source>
        <translation>生产者地址</translation>
    </message>
    <message>
        <source>Store time</source>
        <translation>存储时间</translation>
    </message>
    <message>
        <source>Store host</source>
        <translation>存储地址</translation>
    </message>
    <message>
        <source>Reconsume times</source>
        <translation>重新消费次数</translation>
    </message>
    <message>
        <source>Body size</source>
        <translation>消息体大小</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Body CRC</source>
        <translation>消息体 CRC</translation>
    </message>
    <message>
        <source>System flag</source>
        <translation>系统标志</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Delay level</source>
        <translation>延时等级</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Prepared transaction offset</source>
        <translation>事务预提交偏移量</translation>
    </message>
    <message>
        <source>Store size</source>
        <translation>存储大小</translation>
    </message>
    <message>
        <source>Properties (%1)</source>
        <translation>属性（%1）</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>mq::gui::Outbox</name>
    <message>
        <source>Cannot read the outbox %1: %2</source>
        <translation>无法读取发件箱 %1：%2</translation>
    </message>
    <message>
        <source>The outbox %1 is damaged (%2); it was left untouched and a new one is used.</source>
        <translation>发件箱 %1 已损坏（%2）；原文件保持不变，改用新的发件箱。</translation>
    </message>
    <message>
        <source>Failed at</source>
        <translation>失败时间</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
</context>
<context>
    <name>mq::gui::ProfileDialog</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新连接配置</translation>
    </message>
    <message>
        <source>New profile %1</source>
        <translation>新连接配置 %1</translation>
    </message>
    <message>
        <source>(enter domain and cluster ID)</source>
        <translation>（请输入域名和集群 ID）</translation>
    </message>
    <message>
        <source>Two profiles are called &quot;%1&quot;; names must differ.</source>
        <translation>有两个连接配置都叫“%1”；名称不能重复。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the built-in sandbox&apos;s name; choose another.</source>
        <translation>“%1”是内置沙箱的名称；请换一个。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>连接配置“%1”：%2</translation>
    </message>
</context>
<context>
    <name>mq::gui::QueryPanel</name>
    <message>
        <source>Message &amp;ID:</source>
        <translation>消息 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>Key(&amp;K)：</translation>
    </message>
    <message>
        <source>A client ID (UNIQ_KEY) or a broker offset ID (offsetMsgId); either works</source>
        <translation>客户端 ID（UNIQ_KEY）或 Broker 偏移 ID（offsetMsgId）均可</translation>
    </message>
    <message>
        <source>The business key the producer set, e.g. order-1001</source>
        <translation>生产者设置的业务 Key，例如 order-1001</translation>
    </message>
    <message>
        <source>This connection cannot query messages yet.</source>
        <translation>此连接暂时无法查询消息。</translation>
    </message>
    <message>
        <source>Connect to a cluster first (Connection &gt; Connect).</source>
        <translation>请先连接集群（连接 &gt; 连接）。</translation>
    </message>
    <message>
        <source>Enter the topic to search in.</source>
        <translation>请输入要查询的主题。</translation>
    </message>
    <message>
        <source>Enter a message ID.</source>
        <translation>请输入消息 ID。</translation>
    </message>
    <message>
        <source>Enter a key.</source>
        <translation>请输入 Key。</translation>
    </message>
    <message>
        <source>The start of the time range must be before its end.</source>
        <translation>时间范围的开始必须早于结束。</translation>
    </message>
    <message>
        <source>Searching...</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>The ID was a client ID (UNIQ_KEY), looked up through the topic&apos;s index.</source>
        <translation>该 ID 是客户端 ID（UNIQ_KEY），已通过主题索引查找。</translation>
    </message>
    <message>
        <source>The ID was a broker offset ID (offsetMsgId): store host and commit-log offset.</source>
        <translation>该 ID 是 Broker 偏移 ID（offsetMsgId）：由存储地址和 CommitLog 偏移量组成。</translation>
    </message>
    <message>
        <source>No message found.</source>
        <translation>未找到消息。</translation>
    </message>
    <message numerus="yes">
        <source>Found %n message(s).</source>
        <translation>
            <numerusform>找到 %n 条消息。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mq::gui::ResetOffsetDialog</name>
    <message>
        <source>Reset offsets</source>
        <translation>重置位点</translation>
    </message>
    <message>
        <source>Working out where the offsets of group %1 on topic %2 would move...</source>
        <translation>正在计算消费者组 %1 在主题 %2 上的位点将如何移动…</translation>
    </message>
    <message>
        <source>no committed offset yet; starts at %1</source>
        <translation>尚未提交位点；将从 %1 开始</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>%1 message(s) consumed again</source>
        <translation>重新消费 %1 条消息</translation>
    </message>
    <message>
        <source>%1 message(s) skipped</source>
        <translation>跳过 %1 条消息</translation>
    </message>
    <message>
        <source>Cannot work out the reset: %1</source>
        <translation>无法计算重置结果：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Consumer group &lt;b&gt;%1&lt;/b&gt;, topic &lt;b&gt;%2&lt;/b&gt;: every queue moves to the first message stored at or after %3. %4 of %5 queue(s) change: %6 message(s) will be consumed again and %7 skipped.</source>
        <translation>消费者组 &lt;b&gt;%1&lt;/b&gt;，主题 &lt;b&gt;%2&lt;/b&gt;：每个队列都将移动到 %3 及之后存储的第一条消息。%5 个队列中有 %4 个会变化：将重新消费 %6 条消息，跳过 %7 条。</translation>
    </message>
    <message>
        <source>Online consumers of the group are told to move at once; offline ones use the new offsets when they next start. This cannot be undone, but you can reset again.</source>
        <translation>该组的在线消费者会立即收到通知并移动位点；离线的消费者在下次启动时使用新位点。此操作无法撤销，但可以再次重置。</translation>
    </message>
    <message>
        <source>Nothing would move: the offsets already point there.</source>
        <translation>没有位点需要移动：位点已经在那里了。</translation>
    </message>
</context>
<context>
    <name>mq::gui::SendResultsModel</name>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation>消息 ID</translation>
    </message>
    <message>
        <source>Offset message ID</source>
        <translation>offsetMsgId</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Queue offset</source>
        <translation>队列位点</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>耗时</translation>
    </message>
</context>
<context>
    <name>mq::gui::Session</name>
    <message>
        <source>This build of MQCloud Desk has no network client; it cannot connect to %1.</source>
        <translation>此版本的 MQCloud Desk 没有网络客户端，无法连接到 %1。</translation>
    </message>
</context>
<context>
    <name>mq::gui::SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>mq::gui::SubscribeDialog</name>
    <message>
        <source>Subscribe</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>In clustering mode the group&apos;s members share the messages: a group of your own watches without taking messages away from real consumers.</source>
        <translation>集群消费模式下，组内成员分摊消息：使用专用的消费者组，可以只查看消息而不抢走真实消费者的消息。</translation>
    </message>
    <message>
        <source>Choose or type a topic.</source>
        <translation>请选择或输入主题。</translation>
    </message>
    <message>
        <source>The topic &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</source>
        <translation>主题“%1”只能包含字母、数字、“_”、“-”、“%”和“|”。</translation>
    </message>
    <message>
        <source>Enter a consumer group.</source>
        <translation>请输入消费者组。</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</source>
        <translation>消费者组“%1”只能包含字母、数字、“_”、“-”、“%”和“|”。</translation>
    </message>
    <message>
        <source>The start time is in the future.</source>
        <translation>起始时间在未来。</translation>
    </message>
</context>
<context>
    <name>mq::gui::ThroughputChart</name>
    <message>
        <source>Messages received per second, last two minutes</source>
        <translation>最近两分钟每秒接收的消息数</translation>
    </message>
</context>
<context>
    <name>mq::gui::TopicsPanel</name>
    <message>
        <source>Connect to see the cluster&apos;s topics.</source>
        <translation>连接后可查看集群的主题。</translation>
    </message>
    <message>
        <source>This connection cannot list topics yet.</source>
        <translation>此连接暂时无法列出主题。</translation>
    </message>
    <message>
        <source>No topics loaded yet; press Refresh (F5).</source>
        <translation>尚未加载主题；请点击“刷新”（F5）。</translation>
    </message>
    <message>
        <source>Select a topic to see its route.</source>
        <translation>选择一个主题查看其路由。</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读</translation>
    </message>
    <message>
        <source>write</source>
        <translation>写</translation>
    </message>
    <message>
        <source>inherit</source>
        <translation>继承</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Loading topics...</source>
        <translation>正在加载主题…</translation>
    </message>
    <message>
        <source>Cannot list topics: %1</source>
        <translation>无法列出主题：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n topic(s)</source>
        <translation>
            <numerusform>%1 / %n 个主题</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the route of %1...</source>
        <translation>正在加载 %1 的路由…</translation>
    </message>
    <message>
        <source>Cannot load the route of %1: %2</source>
        <translation>无法加载 %1 的路由：%2</translation>
    </message>
    <message>
        <source>master</source>
        <translation>主节点</translation>
    </message>
    <message>
        <source>slave %1</source>
        <translation>从节点 %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n broker(s), %2 read and %3 write queues.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;：%n 个 Broker，%2 个读队列，%3 个写队列。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
</context>
</TS>
