<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdminAdapter</name>
    <message>
        <source>The connection was closed.</source>
        <translation>The connection was closed.</translation>
    </message>
    <message>
        <source>%1 is not available in this build of MQCloud Desk yet.</source>
        <translation>%1 is not available in this build of MQCloud Desk yet.</translation>
    </message>
    <message>
        <source>Some brokers did not reset: %1</source>
        <translation>Some brokers did not reset: %1</translation>
    </message>
    <message>
        <source>consumed</source>
        <translation>consumed</translation>
    </message>
    <message>
        <source>skipped: its subscription does not take this tag</source>
        <translation>skipped: its subscription does not take this tag</translation>
    </message>
    <message>
        <source>not consumed yet</source>
        <translation>not consumed yet</translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>unknown: %1</translation>
    </message>
    <message>
        <source>no consumer online</source>
        <translation>no consumer online</translation>
    </message>
    <message>
        <source>The name server refused to list topics (code %1): %2</source>
        <translation>The name server refused to list topics (code %1): %2</translation>
    </message>
    <message>
        <source>Query by key</source>
        <translation>Query by key</translation>
    </message>
    <message>
        <source>Query by message ID</source>
        <translation>Query by message ID</translation>
    </message>
    <message>
        <source>Browsing by time</source>
        <translation>Browsing by time</translation>
    </message>
    <message>
        <source>Listing consumer groups</source>
        <translation>Listing consumer groups</translation>
    </message>
    <message>
        <source>Consumer progress</source>
        <translation>Consumer progress</translation>
    </message>
    <message>
        <source>Resetting offsets</source>
        <translation>Resetting offsets</translation>
    </message>
    <message>
        <source>The consumed-by track</source>
        <translation>The consumed-by track</translation>
    </message>
</context>
<context>
    <name>BodyCodec</name>
    <message>
        <source>The JSON body is empty.</source>
        <translation>The JSON body is empty.</translation>
    </message>
    <message>
        <source>The JSON body must be a single value: %1</source>
        <translation>The JSON body must be a single value: %1</translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2: %3</source>
        <translation>Invalid JSON at line %1, column %2: %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; at position %2 is not a hex digit.</source>
        <translation>&apos;%1&apos; at position %2 is not a hex digit.</translation>
    </message>
    <message>
        <source>The hex body has an odd number of digits (%1): every byte needs two.</source>
        <translation>The hex body has an odd number of digits (%1): every byte needs two.</translation>
    </message>
    <message numerus="yes">
        <source>... %n more byte(s) not shown</source>
        <translation>
            <numerusform>... %n more byte not shown</numerusform>
            <numerusform>... %n more bytes not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BodyViewer</name>
    <message>
        <source>&amp;Body as:</source>
        <translation>&amp;Body as:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON (formatted)</source>
        <translation>JSON (formatted)</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Copy body</source>
        <translation>Copy body</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>Save...</translation>
    </message>
    <message>
        <source>Save the raw body bytes to a file</source>
        <translation>Save the raw body bytes to a file</translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Topic:</translation>
    </message>
    <message>
        <source>Topic name, e.g. order-events</source>
        <translation>Topic name, e.g. order-events</translation>
    </message>
    <message>
        <source>T&amp;ag:</source>
        <translation>T&amp;ag:</translation>
    </message>
    <message>
        <source>Optional, e.g. TagA</source>
        <translation>Optional, e.g. TagA</translation>
    </message>
    <message>
        <source>&amp;Keys:</source>
        <translation>&amp;Keys:</translation>
    </message>
    <message>
        <source>Space-separated business keys, e.g. order-1001</source>
        <translation>Space-separated business keys, e.g. order-1001</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>&amp;Delay:</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>Te&amp;mplate:</translation>
    </message>
    <message>
        <source>Save the current message as a template of this profile</source>
        <translation>Save the current message as a template of this profile</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Delete the selected template</source>
        <translation>Delete the selected template</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>User properties:</source>
        <translation>User properties:</translation>
    </message>
    <message>
        <source>Add a property</source>
        <translation>Add a property</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove the selected property</source>
        <translation>Remove the selected property</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Body:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>From file</source>
        <translation>From file</translation>
    </message>
    <message>
        <source>Validate and pretty-print the JSON body</source>
        <translation>Validate and pretty-print the JSON body</translation>
    </message>
    <message>
        <source>Format JSON</source>
        <translation>Format JSON</translation>
    </message>
    <message>
        <source>Choose file...</source>
        <translation>Choose file...</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Message body</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source> time(s)</source>
        <translation> time(s)</translation>
    </message>
    <message>
        <source>at</source>
        <translation>at</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> msg/s</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>full speed</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>Send (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>Copy message ID</source>
        <translation>Copy message ID</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Messages whose send failed stay here, also after a restart, until they are sent or removed.</source>
        <translation>Messages whose send failed stay here, also after a restart, until they are sent or removed.</translation>
    </message>
    <message>
        <source>Open in composer</source>
        <translation>Open in composer</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>Retry selected</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The profile needs a name.</source>
        <translation>The profile needs a name.</translation>
    </message>
    <message>
        <source>The producer group &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</source>
        <translation>The producer group &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</translation>
    </message>
    <message>
        <source>The consumer group &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</source>
        <translation>The consumer group &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</translation>
    </message>
    <message>
        <source>Enter the MQCloud domain, for example mqcloud.example.com.</source>
        <translation>Enter the MQCloud domain, for example mqcloud.example.com.</translation>
    </message>
    <message>
        <source>The MQCloud cluster id is a number (see the cluster page in MQCloud).</source>
        <translation>The MQCloud cluster id is a number (see the cluster page in MQCloud).</translation>
    </message>
    <message>
        <source>The resolver address must be an http:// or https:// URL.</source>
        <translation>The resolver address must be an http:// or https:// URL.</translation>
    </message>
    <message>
        <source>List at least one name server as host:port.</source>
        <translation>List at least one name server as host:port.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a name server address; write host:port, e.g. 127.0.0.1:9876.</source>
        <translation>&quot;%1&quot; is not a name server address; write host:port, e.g. 127.0.0.1:9876.</translation>
    </message>
    <message>
        <source>An ACL secret key needs its access key.</source>
        <translation>An ACL secret key needs its access key.</translation>
    </message>
    <message>
        <source>The request timeout must be between 100 ms and 10 minutes.</source>
        <translation>The request timeout must be between 100 ms and 10 minutes.</translation>
    </message>
    <message>
        <source>Send retries must be between 0 and 16.</source>
        <translation>Send retries must be between 0 and 16.</translation>
    </message>
</context>
<context>
    <name>ConsumersPanel</name>
    <message>
        <source>Filter consumer groups</source>
        <translation>Filter consumer groups</translation>
    </message>
    <message>
        <source>Reload groups and progress (F5)</source>
        <translation>Reload groups and progress (F5)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Reset the offsets of topic</source>
        <translation>Reset the offsets of topic</translation>
    </message>
    <message>
        <source>to the messages stored since</source>
        <translation>to the messages stored since</translation>
    </message>
    <message>
        <source>Reset offsets...</source>
        <translation>Reset offsets...</translation>
    </message>
</context>
<context>
    <name>FeedExporter</name>
    <message>
        <source>Cannot write: %1</source>
        <translation>Cannot write: %1</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Cannot open %1: %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Cannot save %1: %2</translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message>
        <source>Subscribe...</source>
        <translation>Subscribe...</translation>
    </message>
    <message>
        <source>Add a subscription (Ctrl+N)</source>
        <translation>Add a subscription (Ctrl+N)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Freeze the table; messages keep arriving in the background (Ctrl+P)</source>
        <translation>Freeze the table; messages keep arriving in the background (Ctrl+P)</translation>
    </message>
    <message>
        <source>Auto-scroll</source>
        <translation>Auto-scroll</translation>
    </message>
    <message>
        <source>Filter by key, tag, message ID or body text (Ctrl+F)</source>
        <translation>Filter by key, tag, message ID or body text (Ctrl+F)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Remove every row from the feed</source>
        <translation>Remove every row from the feed</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Subscriptions</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Unsubscribe</translation>
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
        <translation>Composer</translation>
    </message>
    <message>
        <source>Live feed</source>
        <translation>Live feed</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>Consumers</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Connection</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Connection &amp;profiles...</source>
        <translation>Connection &amp;profiles...</translation>
    </message>
    <message>
        <source>Add, edit or remove connection profiles</source>
        <translation>Add, edit or remove connection profiles</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Settings...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Connect with the selected profile</source>
        <translation>Connect with the selected profile</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Disconnect</translation>
    </message>
    <message>
        <source>&amp;Composer</source>
        <translation>&amp;Composer</translation>
    </message>
    <message>
        <source>&amp;Live feed</source>
        <translation>&amp;Live feed</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>&amp;Query</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>&amp;Topics</translation>
    </message>
    <message>
        <source>C&amp;onsumers</source>
        <translation>C&amp;onsumers</translation>
    </message>
    <message>
        <source>Message &amp;inspector</source>
        <translation>Message &amp;inspector</translation>
    </message>
    <message>
        <source>&amp;About MQCloud Desk</source>
        <translation>&amp;About MQCloud Desk</translation>
    </message>
</context>
<context>
    <name>MessageDraft</name>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Choose a file for the body.</source>
        <translation>Choose a file for the body.</translation>
    </message>
    <message>
        <source>The body file %1 does not exist.</source>
        <translation>The body file %1 does not exist.</translation>
    </message>
    <message>
        <source>The body file is %1 bytes; the broker accepts at most %2.</source>
        <translation>The body file is %1 bytes; the broker accepts at most %2.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Cannot read %1: %2</translation>
    </message>
    <message>
        <source>Enter a topic.</source>
        <translation>Enter a topic.</translation>
    </message>
    <message>
        <source>The topic &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</source>
        <translation>The topic &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</translation>
    </message>
    <message>
        <source>The topic is %1 characters long; at most 127 are allowed.</source>
        <translation>The topic is %1 characters long; at most 127 are allowed.</translation>
    </message>
    <message>
        <source>TBW102 is the broker&apos;s template topic for auto-creation; send to a real topic.</source>
        <translation>TBW102 is the broker&apos;s template topic for auto-creation; send to a real topic.</translation>
    </message>
    <message>
        <source>A message carries one tag; &quot;||&quot; and &quot;*&quot; belong in subscriptions.</source>
        <translation>A message carries one tag; &quot;||&quot; and &quot;*&quot; belong in subscriptions.</translation>
    </message>
    <message>
        <source>The tag contains a control character.</source>
        <translation>The tag contains a control character.</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; contains a control character.</source>
        <translation>The key &quot;%1&quot; contains a control character.</translation>
    </message>
    <message>
        <source>The delay level must be between 0 (none) and %1.</source>
        <translation>The delay level must be between 0 (none) and %1.</translation>
    </message>
    <message>
        <source>A user property has a value (&quot;%1&quot;) but no name.</source>
        <translation>A user property has a value (&quot;%1&quot;) but no name.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a system property; choose another name.</source>
        <translation>&quot;%1&quot; is a system property; choose another name.</translation>
    </message>
    <message>
        <source>The property &quot;%1&quot; contains a control character.</source>
        <translation>The property &quot;%1&quot; contains a control character.</translation>
    </message>
    <message>
        <source>The property &quot;%1&quot; is listed twice.</source>
        <translation>The property &quot;%1&quot; is listed twice.</translation>
    </message>
    <message>
        <source>The body is empty; the broker rejects empty messages.</source>
        <translation>The body is empty; the broker rejects empty messages.</translation>
    </message>
    <message>
        <source>The body is %1 bytes; the broker accepts at most %2.</source>
        <translation>The body is %1 bytes; the broker accepts at most %2.</translation>
    </message>
</context>
<context>
    <name>MessageInspector</name>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Copy value</translation>
    </message>
    <message>
        <source>Copy the selected field&apos;s value (Ctrl+C)</source>
        <translation>Copy the selected field&apos;s value (Ctrl+C)</translation>
    </message>
    <message>
        <source>Copy message ID</source>
        <translation>Copy message ID</translation>
    </message>
    <message>
        <source>Copy as JSON</source>
        <translation>Copy as JSON</translation>
    </message>
    <message>
        <source>Every field, property and the body as one JSON line</source>
        <translation>Every field, property and the body as one JSON line</translation>
    </message>
    <message>
        <source>Who consumed it?</source>
        <translation>Who consumed it?</translation>
    </message>
    <message>
        <source>Ask the brokers which consumer groups have consumed this message</source>
        <translation>Ask the brokers which consumer groups have consumed this message</translation>
    </message>
</context>
<context>
    <name>ProducerAdapter</name>
    <message>
        <source>The producer has stopped.</source>
        <translation>The producer has stopped.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Connection profiles</source>
        <translation>Connection profiles</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name &amp;servers from:</source>
        <translation>Name &amp;servers from:</translation>
    </message>
    <message>
        <source>Embedded sandbox</source>
        <translation>Embedded sandbox</translation>
    </message>
    <message>
        <source>MQCloud (domain and cluster ID)</source>
        <translation>MQCloud (domain and cluster ID)</translation>
    </message>
    <message>
        <source>HTTP resolver URL</source>
        <translation>HTTP resolver URL</translation>
    </message>
    <message>
        <source>Fixed list</source>
        <translation>Fixed list</translation>
    </message>
    <message>
        <source>MQCloud &amp;domain:</source>
        <translation>MQCloud &amp;domain:</translation>
    </message>
    <message>
        <source>mqcloud.example.com</source>
        <translation>mqcloud.example.com</translation>
    </message>
    <message>
        <source>&amp;Cluster ID:</source>
        <translation>&amp;Cluster ID:</translation>
    </message>
    <message>
        <source>e.g. 3</source>
        <translation>e.g. 3</translation>
    </message>
    <message>
        <source>Resolver:</source>
        <translation>Resolver:</translation>
    </message>
    <message>
        <source>Resolver &amp;URL:</source>
        <translation>Resolver &amp;URL:</translation>
    </message>
    <message>
        <source>http://host/rocketmq/nsaddr</source>
        <translation>http://host/rocketmq/nsaddr</translation>
    </message>
    <message>
        <source>Name server &amp;list:</source>
        <translation>Name server &amp;list:</translation>
    </message>
    <message>
        <source>127.0.0.1:9876;10.0.0.2:9876</source>
        <translation>127.0.0.1:9876;10.0.0.2:9876</translation>
    </message>
    <message>
        <source>&amp;Producer group:</source>
        <translation>&amp;Producer group:</translation>
    </message>
    <message>
        <source>C&amp;onsumer group:</source>
        <translation>C&amp;onsumer group:</translation>
    </message>
    <message>
        <source>ACL &amp;access key:</source>
        <translation>ACL &amp;access key:</translation>
    </message>
    <message>
        <source>Leave empty when the cluster has no ACL</source>
        <translation>Leave empty when the cluster has no ACL</translation>
    </message>
    <message>
        <source>ACL s&amp;ecret key:</source>
        <translation>ACL s&amp;ecret key:</translation>
    </message>
    <message>
        <source>Kept in the system keychain; leave empty to keep the stored one</source>
        <translation>Kept in the system keychain; leave empty to keep the stored one</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transport:</translation>
    </message>
    <message>
        <source>Don&apos;t verify the server certificate (insecure)</source>
        <translation>Don&apos;t verify the server certificate (insecure)</translation>
    </message>
    <message>
        <source>Use &amp;TLS</source>
        <translation>Use &amp;TLS</translation>
    </message>
    <message>
        <source>Request &amp;timeout:</source>
        <translation>Request &amp;timeout:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Send &amp;retries:</source>
        <translation>Send &amp;retries:</translation>
    </message>
    <message>
        <source>Re&amp;solve every:</source>
        <translation>Re&amp;solve every:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Starts a name server and a broker inside MQCloud Desk, on free local ports. Nothing to install; messages are kept in memory and disappear when the app quits.</source>
        <translation>Starts a name server and a broker inside MQCloud Desk, on free local ports. Nothing to install; messages are kept in memory and disappear when the app quits.</translation>
    </message>
</context>
<context>
    <name>QueryPanel</name>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>By key</source>
        <translation>By key</translation>
    </message>
    <message>
        <source>By message ID</source>
        <translation>By message ID</translation>
    </message>
    <message>
        <source>By time range</source>
        <translation>By time range</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Topic:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Key:</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>F&amp;rom:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>T&amp;o:</translation>
    </message>
    <message>
        <source>&amp;At most:</source>
        <translation>&amp;At most:</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
</context>
<context>
    <name>ResetOffsetDialog</name>
    <message>
        <source>Reset consumer offsets</source>
        <translation>Reset consumer offsets</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Current offset</source>
        <translation>Current offset</translation>
    </message>
    <message>
        <source>New offset</source>
        <translation>New offset</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Effect</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Live feed &amp;keeps:</source>
        <translation>Live feed &amp;keeps:</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> messages</translation>
    </message>
    <message>
        <source>Live feed &amp;updates every:</source>
        <translation>Live feed &amp;updates every:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>When the live feed is full the oldest messages make room for new ones.</source>
        <translation>When the live feed is full the oldest messages make room for new ones.</translation>
    </message>
</context>
<context>
    <name>SubscribeDialog</name>
    <message>
        <source>Subscribe</source>
        <translation>Subscribe</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Topic:</translation>
    </message>
    <message>
        <source>T&amp;ag expression:</source>
        <translation>T&amp;ag expression:</translation>
    </message>
    <message>
        <source>* for all, or TagA || TagB</source>
        <translation>* for all, or TagA || TagB</translation>
    </message>
    <message>
        <source>Consumer &amp;group:</source>
        <translation>Consumer &amp;group:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Model:</translation>
    </message>
    <message>
        <source>Clustering (share messages with the group)</source>
        <translation>Clustering (share messages with the group)</translation>
    </message>
    <message>
        <source>Broadcasting (receive every message)</source>
        <translation>Broadcasting (receive every message)</translation>
    </message>
    <message>
        <source>Start &amp;from:</source>
        <translation>Start &amp;from:</translation>
    </message>
    <message>
        <source>Last offset (new messages)</source>
        <translation>Last offset (new messages)</translation>
    </message>
    <message>
        <source>First offset (everything stored)</source>
        <translation>First offset (everything stored)</translation>
    </message>
    <message>
        <source>A point in time</source>
        <translation>A point in time</translation>
    </message>
    <message>
        <source>Where to start only applies to a consumer group that has no committed offset yet; an existing group continues where it left off.</source>
        <translation>Where to start only applies to a consumer group that has no committed offset yet; an existing group continues where it left off.</translation>
    </message>
</context>
<context>
    <name>TopicsPanel</name>
    <message>
        <source>Filter topics</source>
        <translation>Filter topics</translation>
    </message>
    <message>
        <source>Reload the topic list (F5)</source>
        <translation>Reload the topic list (F5)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Show system topics</source>
        <translation>Show system topics</translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>Brokers</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>Read queues</source>
        <translation>Read queues</translation>
    </message>
    <message>
        <source>Write queues</source>
        <translation>Write queues</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Permission</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop console for RocketMQ and MQCloud: send, watch, query and inspect messages.</source>
        <translation>Desktop console for RocketMQ and MQCloud: send, watch, query and inspect messages.</translation>
    </message>
    <message>
        <source>Print the time from process start to the main window shown, then quit.</source>
        <translation>Print the time from process start to the main window shown, then quit.</translation>
    </message>
    <message>
        <source>Start the embedded sandbox cluster and connect to it.</source>
        <translation>Start the embedded sandbox cluster and connect to it.</translation>
    </message>
    <message>
        <source>Connect with the profile &lt;name&gt;.</source>
        <translation>Connect with the profile &lt;name&gt;.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>User interface language: en or zh_CN.</source>
        <translation>User interface language: en or zh_CN.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>Unknown language %1; available: %2</source>
        <translation>Unknown language %1; available: %2</translation>
    </message>
    <message>
        <source>No profile named %1.</source>
        <translation>No profile named %1.</translation>
    </message>
</context>
<context>
    <name>mq::gui::BodyViewer</name>
    <message>
        <source>Save message body</source>
        <translation>Save message body</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>Cannot save %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, JSON</source>
        <translation>%1, JSON</translation>
    </message>
    <message>
        <source>%1, not valid JSON: %2</source>
        <translation>%1, not valid JSON: %2</translation>
    </message>
    <message>
        <source>%1, not valid UTF-8</source>
        <translation>%1, not valid UTF-8</translation>
    </message>
</context>
<context>
    <name>mq::gui::ClientSession</name>
    <message>
        <source>The embedded sandbox did not start: %1</source>
        <translation>The embedded sandbox did not start: %1</translation>
    </message>
    <message>
        <source>No ACL secret key is stored for this profile, so requests are not signed; enter it in the profile.</source>
        <translation>No ACL secret key is stored for this profile, so requests are not signed; enter it in the profile.</translation>
    </message>
    <message>
        <source>%1 Trying again in 10 seconds.</source>
        <translation>%1 Trying again in 10 seconds.</translation>
    </message>
    <message>
        <source>The producer did not start: %1</source>
        <translation>The producer did not start: %1</translation>
    </message>
    <message>
        <source>No name server answers (%1): %2</source>
        <translation>No name server answers (%1): %2</translation>
    </message>
    <message>
        <source>The name server refused to describe the cluster (code %1): %2</source>
        <translation>The name server refused to describe the cluster (code %1): %2</translation>
    </message>
    <message>
        <source>Cannot read the cluster&apos;s brokers: %1</source>
        <translation>Cannot read the cluster&apos;s brokers: %1</translation>
    </message>
    <message>
        <source>%1 (slave %2)</source>
        <translation>%1 (slave %2)</translation>
    </message>
    <message>
        <source>The name servers know no broker: nothing can be sent or received.</source>
        <translation>The name servers know no broker: nothing can be sent or received.</translation>
    </message>
</context>
<context>
    <name>mq::gui::ComposerPanel</name>
    <message>
        <source>None (deliver now)</source>
        <translation>None (deliver now)</translation>
    </message>
    <message>
        <source>Level %1 (%2)</source>
        <translation>Level %1 (%2)</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>The body is the content of %1 (read when sending).</source>
        <translation>The body is the content of %1 (read when sending).</translation>
    </message>
    <message>
        <source>Hex bytes, e.g. 7b 22 69 64 22 3a 31 7d</source>
        <translation>Hex bytes, e.g. 7b 22 69 64 22 3a 31 7d</translation>
    </message>
    <message>
        <source>A JSON document, e.g. {&quot;id&quot;: 1}</source>
        <translation>A JSON document, e.g. {&quot;id&quot;: 1}</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Message body</translation>
    </message>
    <message>
        <source>Message body from file</source>
        <translation>Message body from file</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a topic and a body, then press Send (Ctrl+Return).</source>
        <translation>Enter a topic and a body, then press Send (Ctrl+Return).</translation>
    </message>
    <message>
        <source>Valid JSON. Ready to send to %1.</source>
        <translation>Valid JSON. Ready to send to %1.</translation>
    </message>
    <message>
        <source>Ready to send to %1.</source>
        <translation>Ready to send to %1.</translation>
    </message>
    <message>
        <source>Connect to a cluster first (Connection &gt; Connect).</source>
        <translation>Connect to a cluster first (Connection &gt; Connect).</translation>
    </message>
    <message>
        <source>Send (Ctrl+Return)</source>
        <translation>Send (Ctrl+Return)</translation>
    </message>
    <message>
        <source>%1 of %2 sent, %3 failed</source>
        <translation>%1 of %2 sent, %3 failed</translation>
    </message>
    <message>
        <source>Outbox (%1)</source>
        <translation>Outbox (%1)</translation>
    </message>
    <message>
        <source>Retried %1: %2 sent, %3 failed again</source>
        <translation>Retried %1: %2 sent, %3 failed again</translation>
    </message>
    <message>
        <source>%1 sent, %2 failed</source>
        <translation>%1 sent, %2 failed</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>(connect to use templates)</source>
        <translation>(connect to use templates)</translation>
    </message>
    <message>
        <source>(choose a template)</source>
        <translation>(choose a template)</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>Template name (saved for profile &quot;%1&quot;):</source>
        <translation>Template name (saved for profile &quot;%1&quot;):</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Delete template</translation>
    </message>
    <message>
        <source>Delete the template &quot;%1&quot;?</source>
        <translation>Delete the template &quot;%1&quot;?</translation>
    </message>
</context>
<context>
    <name>mq::gui::ConnectionStatus</name>
    <message>
        <source>Not connected. Choose a profile and press Connect (Ctrl+K).</source>
        <translation>Not connected. Choose a profile and press Connect (Ctrl+K).</translation>
    </message>
    <message>
        <source>%1: connecting...</source>
        <translation>%1: connecting...</translation>
    </message>
    <message>
        <source>%1: connecting to name servers %2...</source>
        <translation>%1: connecting to name servers %2...</translation>
    </message>
    <message>
        <source>%1: connected. Name servers: %2. Brokers: %3.</source>
        <translation>%1: connected. Name servers: %2. Brokers: %3.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <source>%1: not connected. %2</source>
        <translation>%1: not connected. %2</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>Unknown error.</translation>
    </message>
    <message>
        <source>Name servers:</source>
        <translation>Name servers:</translation>
    </message>
    <message>
        <source>Brokers:</source>
        <translation>Brokers:</translation>
    </message>
    <message>
        <source>Keychain unavailable: secrets last this session only</source>
        <translation>Keychain unavailable: secrets last this session only</translation>
    </message>
</context>
<context>
    <name>mq::gui::ConsumerAdapter</name>
    <message>
        <source>The connection was closed.</source>
        <translation>The connection was closed.</translation>
    </message>
    <message>
        <source>Group %1 is already subscribed here in %2 mode; use another group for %3 mode.</source>
        <translation>Group %1 is already subscribed here in %2 mode; use another group for %3 mode.</translation>
    </message>
    <message>
        <source>clustering</source>
        <translation>clustering</translation>
    </message>
    <message>
        <source>broadcasting</source>
        <translation>broadcasting</translation>
    </message>
    <message>
        <source>Group %1 already subscribes to %2 here; a group has one tag expression per topic. Use another group to watch it a second time.</source>
        <translation>Group %1 already subscribes to %2 here; a group has one tag expression per topic. Use another group to watch it a second time.</translation>
    </message>
    <message>
        <source>The consumer of group %1 has stopped.</source>
        <translation>The consumer of group %1 has stopped.</translation>
    </message>
</context>
<context>
    <name>mq::gui::ConsumerProgressModel</name>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>(offline)</source>
        <translation>(offline)</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Broker offset</source>
        <translation>Broker offset</translation>
    </message>
    <message>
        <source>Consumer offset</source>
        <translation>Consumer offset</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Last consumed</source>
        <translation>Last consumed</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
</context>
<context>
    <name>mq::gui::ConsumersPanel</name>
    <message>
        <source>Connect to see consumer groups and their progress.</source>
        <translation>Connect to see consumer groups and their progress.</translation>
    </message>
    <message>
        <source>Select a consumer group to see its progress.</source>
        <translation>Select a consumer group to see its progress.</translation>
    </message>
    <message>
        <source>This connection cannot read consumer progress yet.</source>
        <translation>This connection cannot read consumer progress yet.</translation>
    </message>
    <message>
        <source>Cannot list consumer groups: %1</source>
        <translation>Cannot list consumer groups: %1</translation>
    </message>
    <message>
        <source>Loading the progress of %1...</source>
        <translation>Loading the progress of %1...</translation>
    </message>
    <message>
        <source>Cannot read the progress of %1: %2</source>
        <translation>Cannot read the progress of %1: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 queue(s), total lag %3 message(s), %4 messages/s consumed.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 queue(s), total lag %3 message(s), %4 messages/s consumed.</translation>
    </message>
    <message>
        <source>Resetting the offsets of %1 on %2...</source>
        <translation>Resetting the offsets of %1 on %2...</translation>
    </message>
    <message>
        <source>The reset failed: %1</source>
        <translation>The reset failed: %1</translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>Connecting...</translation>
    </message>
</context>
<context>
    <name>mq::gui::FeedModel</name>
    <message numerus="yes">
        <source>%n byte(s) (binary)</source>
        <translation>
            <numerusform>%n byte (binary)</numerusform>
            <numerusform>%n bytes (binary)</numerusform>
        </translation>
    </message>
    <message>
        <source>offsetMsgId: %1</source>
        <translation>offsetMsgId: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation>Message ID</translation>
    </message>
    <message>
        <source>Born host</source>
        <translation>Born host</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
</context>
<context>
    <name>mq::gui::FeedPanel</name>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Export all rows...</source>
        <translation>Export all rows...</translation>
    </message>
    <message>
        <source>Export selected rows...</source>
        <translation>Export selected rows...</translation>
    </message>
    <message>
        <source>from last offset</source>
        <translation>from last offset</translation>
    </message>
    <message>
        <source>from first offset</source>
        <translation>from first offset</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <source>%1 [%2]
group %3, %4, %5</source>
        <translation>%1 [%2]
group %3, %4, %5</translation>
    </message>
    <message>
        <source>clustering</source>
        <translation>clustering</translation>
    </message>
    <message>
        <source>broadcasting</source>
        <translation>broadcasting</translation>
    </message>
    <message>
        <source>Connect, then subscribe to a topic to watch its messages arrive.</source>
        <translation>Connect, then subscribe to a topic to watch its messages arrive.</translation>
    </message>
    <message>
        <source>No subscriptions yet. Press Subscribe to add one.</source>
        <translation>No subscriptions yet. Press Subscribe to add one.</translation>
    </message>
    <message>
        <source>Add a subscription (Ctrl+N)</source>
        <translation>Add a subscription (Ctrl+N)</translation>
    </message>
    <message>
        <source>This connection cannot consume messages yet.</source>
        <translation>This connection cannot consume messages yet.</translation>
    </message>
    <message>
        <source>Connect to a cluster first (Connection &gt; Connect).</source>
        <translation>Connect to a cluster first (Connection &gt; Connect).</translation>
    </message>
    <message>
        <source>%1 shown of %2 in the feed (holds at most %3), %4 received in total</source>
        <translation>%1 shown of %2 in the feed (holds at most %3), %4 received in total</translation>
    </message>
    <message>
        <source>paused, %1 waiting</source>
        <translation>paused, %1 waiting</translation>
    </message>
    <message>
        <source>%1 skipped while paused</source>
        <translation>%1 skipped while paused</translation>
    </message>
    <message>
        <source>Export selected messages</source>
        <translation>Export selected messages</translation>
    </message>
    <message>
        <source>Export all messages</source>
        <translation>Export all messages</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;CSV (*.csv)</source>
        <translation>JSON Lines (*.jsonl);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>mq::gui::KeychainSecretStore</name>
    <message>
        <source>no keychain service answered</source>
        <translation>no keychain service answered</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). Secret keys are kept in memory for this session only and must be entered again after a restart.</source>
        <translation>The system keychain is not available (%1). Secret keys are kept in memory for this session only and must be entered again after a restart.</translation>
    </message>
    <message>
        <source>no answer within two minutes</source>
        <translation>no answer within two minutes</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>No secret is stored for %1.</translation>
    </message>
    <message>
        <source>The keychain refused to read %1: %2</source>
        <translation>The keychain refused to read %1: %2</translation>
    </message>
    <message>
        <source>The keychain refused to store %1: %2</source>
        <translation>The keychain refused to store %1: %2</translation>
    </message>
    <message>
        <source>The keychain refused to delete %1: %2</source>
        <translation>The keychain refused to delete %1: %2</translation>
    </message>
</context>
<context>
    <name>mq::gui::MainWindow</name>
    <message>
        <source>About MQCloud Desk</source>
        <translation>About MQCloud Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MQCloud Desk %1&lt;/h3&gt;&lt;p&gt;A desktop console for RocketMQ and MQCloud: send keyed messages, watch live feeds, look messages up by key or id and follow consumer progress.&lt;/p&gt;&lt;p&gt;It speaks RocketMQ&apos;s remoting protocol itself (Qt %2, QCoro).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MQCloud Desk %1&lt;/h3&gt;&lt;p&gt;A desktop console for RocketMQ and MQCloud: send keyed messages, watch live feeds, look messages up by key or id and follow consumer progress.&lt;/p&gt;&lt;p&gt;It speaks RocketMQ&apos;s remoting protocol itself (Qt %2, QCoro).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Message inspector</source>
        <translation>Message inspector</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profile:</translation>
    </message>
    <message>
        <source>Connection profile (edit with File &gt; Connection profiles)</source>
        <translation>Connection profile (edit with File &gt; Connection profiles)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profiles</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
</context>
<context>
    <name>mq::gui::MemorySecretStore</name>
    <message>
        <source>Secrets are kept in memory and forgotten when MQCloud Desk quits.</source>
        <translation>Secrets are kept in memory and forgotten when MQCloud Desk quits.</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>No secret is stored for %1.</translation>
    </message>
</context>
<context>
    <name>mq::gui::MessageInspector</name>
    <message>
        <source>Asking the brokers...</source>
        <translation>Asking the brokers...</translation>
    </message>
    <message>
        <source>No consumer group subscribes to %1.</source>
        <translation>No consumer group subscribes to %1.</translation>
    </message>
    <message>
        <source>compressed</source>
        <translation>compressed</translation>
    </message>
    <message>
        <source>multiple tags</source>
        <translation>multiple tags</translation>
    </message>
    <message>
        <source>transaction prepared</source>
        <translation>transaction prepared</translation>
    </message>
    <message>
        <source>transaction committed</source>
        <translation>transaction committed</translation>
    </message>
    <message>
        <source>transaction rolled back</source>
        <translation>transaction rolled back</translation>
    </message>
    <message>
        <source>born host IPv6</source>
        <translation>born host IPv6</translation>
    </message>
    <message>
        <source>store host IPv6</source>
        <translation>store host IPv6</translation>
    </message>
    <message>
        <source>Select a message in the live feed or the query results to see every field here.</source>
        <translation>Select a message in the live feed or the query results to see every field here.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation>Message ID</translation>
    </message>
    <message>
        <source>Message ID kind</source>
        <translation>Message ID kind</translation>
    </message>
    <message>
        <source>client ID (UNIQ_KEY property)</source>
        <translation>client ID (UNIQ_KEY property)</translation>
    </message>
    <message>
        <source>broker offset ID (the producer set no UNIQ_KEY)</source>
        <translation>broker offset ID (the producer set no UNIQ_KEY)</translation>
    </message>
    <message>
        <source>Offset message ID</source>
        <translation>Offset message ID</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Queue ID</source>
        <translation>Queue ID</translation>
    </message>
    <message>
        <source>Queue offset</source>
        <translation>Queue offset</translation>
    </message>
    <message>
        <source>Commit log offset</source>
        <translation>Commit log offset</translation>
    </message>
    <message>
        <source>Born time</source>
        <translation>Born time</translation>
    </message>
    <message>
        <source>Born host</source>
        <translation>Born host</translation>
    </message>
    <message>
        <source>Store time</source>
        <translation>Store time</translation>
    </message>
    <message>
        <source>Store host</source>
        <translation>Store host</translation>
    </message>
    <message>
        <source>Reconsume times</source>
        <translation>Reconsume times</translation>
    </message>
    <message>
        <source>Body size</source>
        <translation>Body size</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Body CRC</source>
        <translation>Body CRC</translation>
    </message>
    <message>
        <source>System flag</source>
        <translation>System flag</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <source>Delay level</source>
        <translation>Delay level</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Prepared transaction offset</source>
        <translation>Prepared transaction offset</translation>
    </message>
    <message>
        <source>Store size</source>
        <translation>Store size</translation>
    </message>
    <message>
        <source>Properties (%1)</source>
        <translation>Properties (%1)</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>mq::gui::Outbox</name>
    <message>
        <source>Cannot read the outbox %1: %2</source>
        <translation>Cannot read the outbox %1: %2</translation>
    </message>
    <message>
        <source>The outbox %1 is damaged (%2); it was left untouched and a new one is used.</source>
        <translation>The outbox %1 is damaged (%2); it was left untouched and a new one is used.</translation>
    </message>
    <message>
        <source>Failed at</source>
        <translation>Failed at</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
</context>
<context>
    <name>mq::gui::ProfileDialog</name>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>New profile</translation>
    </message>
    <message>
        <source>New profile %1</source>
        <translation>New profile %1</translation>
    </message>
    <message>
        <source>(enter domain and cluster ID)</source>
        <translation>(enter domain and cluster ID)</translation>
    </message>
    <message>
        <source>Two profiles are called &quot;%1&quot;; names must differ.</source>
        <translation>Two profiles are called &quot;%1&quot;; names must differ.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the built-in sandbox&apos;s name; choose another.</source>
        <translation>&quot;%1&quot; is the built-in sandbox&apos;s name; choose another.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>Profile &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>mq::gui::QueryPanel</name>
    <message>
        <source>Message &amp;ID:</source>
        <translation>Message &amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Key:</translation>
    </message>
    <message>
        <source>A client ID (UNIQ_KEY) or a broker offset ID (offsetMsgId); either works</source>
        <translation>A client ID (UNIQ_KEY) or a broker offset ID (offsetMsgId); either works</translation>
    </message>
    <message>
        <source>The business key the producer set, e.g. order-1001</source>
        <translation>The business key the producer set, e.g. order-1001</translation>
    </message>
    <message>
        <source>This connection cannot query messages yet.</source>
        <translation>This connection cannot query messages yet.</translation>
    </message>
    <message>
        <source>Connect to a cluster first (Connection &gt; Connect).</source>
        <translation>Connect to a cluster first (Connection &gt; Connect).</translation>
    </message>
    <message>
        <source>Enter the topic to search in.</source>
        <translation>Enter the topic to search in.</translation>
    </message>
    <message>
        <source>Enter a message ID.</source>
        <translation>Enter a message ID.</translation>
    </message>
    <message>
        <source>Enter a key.</source>
        <translation>Enter a key.</translation>
    </message>
    <message>
        <source>The start of the time range must be before its end.</source>
        <translation>The start of the time range must be before its end.</translation>
    </message>
    <message>
        <source>Searching...</source>
        <translation>Searching...</translation>
    </message>
    <message>
        <source>The ID was a client ID (UNIQ_KEY), looked up through the topic&apos;s index.</source>
        <translation>The ID was a client ID (UNIQ_KEY), looked up through the topic&apos;s index.</translation>
    </message>
    <message>
        <source>The ID was a broker offset ID (offsetMsgId): store host and commit-log offset.</source>
        <translation>The ID was a broker offset ID (offsetMsgId): store host and commit-log offset.</translation>
    </message>
    <message>
        <source>No message found.</source>
        <translation>No message found.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n message(s).</source>
        <translation>
            <numerusform>Found %n message.</numerusform>
            <numerusform>Found %n messages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mq::gui::ResetOffsetDialog</name>
    <message>
        <source>Reset offsets</source>
        <translation>Reset offsets</translation>
    </message>
    <message>
        <source>Working out where the offsets of group %1 on topic %2 would move...</source>
        <translation>Working out where the offsets of group %1 on topic %2 would move...</translation>
    </message>
    <message>
        <source>no committed offset yet; starts at %1</source>
        <translation>no committed offset yet; starts at %1</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>no change</translation>
    </message>
    <message>
        <source>%1 message(s) consumed again</source>
        <translation>%1 message(s) consumed again</translation>
    </message>
    <message>
        <source>%1 message(s) skipped</source>
        <translation>%1 message(s) skipped</translation>
    </message>
    <message>
        <source>Cannot work out the reset: %1</source>
        <translation>Cannot work out the reset: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Consumer group &lt;b&gt;%1&lt;/b&gt;, topic &lt;b&gt;%2&lt;/b&gt;: every queue moves to the first message stored at or after %3. %4 of %5 queue(s) change: %6 message(s) will be consumed again and %7 skipped.</source>
        <translation>Consumer group &lt;b&gt;%1&lt;/b&gt;, topic &lt;b&gt;%2&lt;/b&gt;: every queue moves to the first message stored at or after %3. %4 of %5 queue(s) change: %6 message(s) will be consumed again and %7 skipped.</translation>
    </message>
    <message>
        <source>Online consumers of the group are told to move at once; offline ones use the new offsets when they next start. This cannot be undone, but you can reset again.</source>
        <translation>Online consumers of the group are told to move at once; offline ones use the new offsets when they next start. This cannot be undone, but you can reset again.</translation>
    </message>
    <message>
        <source>Nothing would move: the offsets already point there.</source>
        <translation>Nothing would move: the offsets already point there.</translation>
    </message>
</context>
<context>
    <name>mq::gui::SendResultsModel</name>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation>Message ID</translation>
    </message>
    <message>
        <source>Offset message ID</source>
        <translation>Offset message ID</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Queue offset</source>
        <translation>Queue offset</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
</context>
<context>
    <name>mq::gui::Session</name>
    <message>
        <source>This build of MQCloud Desk has no network client; it cannot connect to %1.</source>
        <translation>This build of MQCloud Desk has no network client; it cannot connect to %1.</translation>
    </message>
</context>
<context>
    <name>mq::gui::SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
</context>
<context>
    <name>mq::gui::SubscribeDialog</name>
    <message>
        <source>Subscribe</source>
        <translation>Subscribe</translation>
    </message>
    <message>
        <source>In clustering mode the group&apos;s members share the messages: a group of your own watches without taking messages away from real consumers.</source>
        <translation>In clustering mode the group&apos;s members share the messages: a group of your own watches without taking messages away from real consumers.</translation>
    </message>
    <message>
        <source>Choose or type a topic.</source>
        <translation>Choose or type a topic.</translation>
    </message>
    <message>
        <source>The topic &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</source>
        <translation>The topic &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</translation>
    </message>
    <message>
        <source>Enter a consumer group.</source>
        <translation>Enter a consumer group.</translation>
    </message>
    <message>
        <source>The group &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</source>
        <translation>The group &quot;%1&quot; may only contain letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;%&apos; and &apos;|&apos;.</translation>
    </message>
    <message>
        <source>The start time is in the future.</source>
        <translation>The start time is in the future.</translation>
    </message>
</context>
<context>
    <name>mq::gui::ThroughputChart</name>
    <message>
        <source>Messages received per second, last two minutes</source>
        <translation>Messages received per second, last two minutes</translation>
    </message>
</context>
<context>
    <name>mq::gui::TopicsPanel</name>
    <message>
        <source>Connect to see the cluster&apos;s topics.</source>
        <translation>Connect to see the cluster&apos;s topics.</translation>
    </message>
    <message>
        <source>This connection cannot list topics yet.</source>
        <translation>This connection cannot list topics yet.</translation>
    </message>
    <message>
        <source>No topics loaded yet; press Refresh (F5).</source>
        <translation>No topics loaded yet; press Refresh (F5).</translation>
    </message>
    <message>
        <source>Select a topic to see its route.</source>
        <translation>Select a topic to see its route.</translation>
    </message>
    <message>
        <source>read</source>
        <translation>read</translation>
    </message>
    <message>
        <source>write</source>
        <translation>write</translation>
    </message>
    <message>
        <source>inherit</source>
        <translation>inherit</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Loading topics...</source>
        <translation>Loading topics...</translation>
    </message>
    <message>
        <source>Cannot list topics: %1</source>
        <translation>Cannot list topics: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n topic(s)</source>
        <translation>
            <numerusform>%1 of %n topic</numerusform>
            <numerusform>%1 of %n topics</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the route of %1...</source>
        <translation>Loading the route of %1...</translation>
    </message>
    <message>
        <source>Cannot load the route of %1: %2</source>
        <translation>Cannot load the route of %1: %2</translation>
    </message>
    <message>
        <source>master</source>
        <translation>master</translation>
    </message>
    <message>
        <source>slave %1</source>
        <translation>slave %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n broker(s), %2 read and %3 write queues.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n broker, %2 read and %3 write queues.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n brokers, %2 read and %3 write queues.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting...</source>
        <translation>Connecting...</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
</context>
</TS>
