<#-- The download link in the buyer's e-mails, text part (mail/DownloadLinkInMail). -->
<#macro part purchase>
${msg("receipt.download")}: ${purchase.downloadUrl}
${msg("mail.purchase.downloadHint", purchase.downloadLifetime)}
</#macro>
