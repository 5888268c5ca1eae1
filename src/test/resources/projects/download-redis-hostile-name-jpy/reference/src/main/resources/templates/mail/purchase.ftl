<#-- The plain-text part of the buyer's e-mail. Not HTML: nothing here is escaped, so the item's
     name reads exactly as in the catalog. The HTML part is purchase.ftlh: change both together. -->
${msg("mail.purchase.thanks", storeName)}

${msg("purchase.item")}: ${itemName}<#if quantity != 1> x ${quantity}</#if>
${msg("purchase.total")}: ${total}
${msg("mail.receipt")}: ${receiptUrl}
<#list additions as addition>

<#import "/" + addition + ".ftl" as feature><@feature.part .data_model/></#list>

${msg("mail.purchase.keep")}
${msg("purchase.reference")}: ${purchaseId}
