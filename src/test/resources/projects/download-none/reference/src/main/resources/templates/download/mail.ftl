<#-- The download link in the buyer's e-mails, text part (download/DownloadMailLink). -->
<#macro part purchase>
${msg("receipt.download")}: ${purchase.downloadUrl}
${msg("mail.purchase.downloadHint", purchase.downloadLifetime)}
</#macro>
