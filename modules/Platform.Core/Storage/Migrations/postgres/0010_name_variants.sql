-- Search folds glyph variants of names (渡邊, 邉 → 辺; 髙 → 高 …: Platform.Abstractions/Text/NameVariants.cs,
-- docs/search.md). Rows stored before were folded without them: their search text is folded again here, with the same
-- table, so that 渡辺 finds a 渡邊 recorded earlier. Only rows holding a variant are written.
UPDATE organisations SET search_text = translate(search_text, '邊邉髙﨑嵜齋齊斉澤濱櫻廣德國眞嶋嶌槇淵條瀨冨𠮷榮惠龍實壽彌藏淺曾峯舘桒栁檜寬萬', '辺辺高崎崎斎斎斎沢浜桜広徳国真島島槙渕条瀬富吉栄恵竜実寿弥蔵浅曽峰館桑柳桧寛万')
    WHERE search_text <> translate(search_text, '邊邉髙﨑嵜齋齊斉澤濱櫻廣德國眞嶋嶌槇淵條瀨冨𠮷榮惠龍實壽彌藏淺曾峯舘桒栁檜寬萬', '辺辺高崎崎斎斎斎沢浜桜広徳国真島島槙渕条瀬富吉栄恵竜実寿弥蔵浅曽峰館桑柳桧寛万');
UPDATE people SET search_text = translate(search_text, '邊邉髙﨑嵜齋齊斉澤濱櫻廣德國眞嶋嶌槇淵條瀨冨𠮷榮惠龍實壽彌藏淺曾峯舘桒栁檜寬萬', '辺辺高崎崎斎斎斎沢浜桜広徳国真島島槙渕条瀬富吉栄恵竜実寿弥蔵浅曽峰館桑柳桧寛万')
    WHERE search_text <> translate(search_text, '邊邉髙﨑嵜齋齊斉澤濱櫻廣德國眞嶋嶌槇淵條瀨冨𠮷榮惠龍實壽彌藏淺曾峯舘桒栁檜寬萬', '辺辺高崎崎斎斎斎沢浜桜広徳国真島島槙渕条瀬富吉栄恵竜実寿弥蔵浅曽峰館桑柳桧寛万');
UPDATE meetings SET search_text = translate(search_text, '邊邉髙﨑嵜齋齊斉澤濱櫻廣德國眞嶋嶌槇淵條瀨冨𠮷榮惠龍實壽彌藏淺曾峯舘桒栁檜寬萬', '辺辺高崎崎斎斎斎沢浜桜広徳国真島島槙渕条瀬富吉栄恵竜実寿弥蔵浅曽峰館桑柳桧寛万')
    WHERE search_text <> translate(search_text, '邊邉髙﨑嵜齋齊斉澤濱櫻廣德國眞嶋嶌槇淵條瀨冨𠮷榮惠龍實壽彌藏淺曾峯舘桒栁檜寬萬', '辺辺高崎崎斎斎斎沢浜桜広徳国真島島槙渕条瀬富吉栄恵竜実寿弥蔵浅曽峰館桑柳桧寛万');
UPDATE opinions SET search_text = translate(search_text, '邊邉髙﨑嵜齋齊斉澤濱櫻廣德國眞嶋嶌槇淵條瀨冨𠮷榮惠龍實壽彌藏淺曾峯舘桒栁檜寬萬', '辺辺高崎崎斎斎斎沢浜桜広徳国真島島槙渕条瀬富吉栄恵竜実寿弥蔵浅曽峰館桑柳桧寛万')
    WHERE search_text <> translate(search_text, '邊邉髙﨑嵜齋齊斉澤濱櫻廣德國眞嶋嶌槇淵條瀨冨𠮷榮惠龍實壽彌藏淺曾峯舘桒栁檜寬萬', '辺辺高崎崎斎斎斎沢浜桜広徳国真島島槙渕条瀬富吉栄恵竜実寿弥蔵浅曽峰館桑柳桧寛万');
UPDATE comments SET search_text = translate(search_text, '邊邉髙﨑嵜齋齊斉澤濱櫻廣德國眞嶋嶌槇淵條瀨冨𠮷榮惠龍實壽彌藏淺曾峯舘桒栁檜寬萬', '辺辺高崎崎斎斎斎沢浜桜広徳国真島島槙渕条瀬富吉栄恵竜実寿弥蔵浅曽峰館桑柳桧寛万')
    WHERE search_text <> translate(search_text, '邊邉髙﨑嵜齋齊斉澤濱櫻廣德國眞嶋嶌槇淵條瀨冨𠮷榮惠龍實壽彌藏淺曾峯舘桒栁檜寬萬', '辺辺高崎崎斎斎斎沢浜桜広徳国真島島槙渕条瀬富吉栄恵竜実寿弥蔵浅曽峰館桑柳桧寛万');
